package org.msp.onboarding.saga.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** One policy mapping: NinjaOne node role to policy. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicyRequest(
    @NotNull @Positive @Max(Integer.MAX_VALUE) Long nodeRoleId,
    @NotNull @Positive @Max(Integer.MAX_VALUE) Long policyId) {}
