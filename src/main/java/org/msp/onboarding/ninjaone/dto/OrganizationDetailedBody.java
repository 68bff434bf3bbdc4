package org.msp.onboarding.ninjaone.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * One item of GET /v2/organizations-detailed (NinjaOne's OrganizationDetailed): what the audit
 * compares. {@code fields} is null when the tenant leaves the custom fields out of the listing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationDetailedBody(
    Long id,
    String name,
    Map<String, Object> fields,
    List<LocationBody> locations,
    List<PolicyMappingBody> policies) {

  public List<LocationBody> locationsOrEmpty() {
    return locations == null ? List.of() : locations;
  }

  public List<PolicyMappingBody> policiesOrEmpty() {
    return policies == null ? List.of() : policies;
  }
}
