package org.msp.onboarding.ninjaone.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * GET /v2/organization/{id}: the parts of NinjaOne's OrganizationDetailed that the audit and tag
 * jobs and the update and offboarding steps read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationDetailBody(
    Long id,
    String name,
    String description,
    String nodeApprovalMode,
    Map<String, Object> userData,
    List<String> tags,
    List<PolicyMappingBody> policies) {

  public List<String> tagsOrEmpty() {
    return tags == null ? List.of() : tags;
  }

  public List<PolicyMappingBody> policiesOrEmpty() {
    return policies == null ? List.of() : policies;
  }
}
