package org.msp.onboarding.ninjaone.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicyMappingBody(long nodeRoleId, long policyId) {}
