package org.msp.onboarding.ninjaone.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An organization as NinjaOne sends it, and the body of create/PATCH (absent fields are left out).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationBody(
    Long id,
    String name,
    String description,
    Map<String, Object> userData,
    String nodeApprovalMode,
    List<String> tags) {}
