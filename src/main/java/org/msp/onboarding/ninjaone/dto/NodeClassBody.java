package org.msp.onboarding.ninjaone.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of NinjaOne's NodeRole (GET /v2/roles) and Policy (GET /v2/policies) the service reads.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NodeClassBody(long id, String nodeClass) {}
