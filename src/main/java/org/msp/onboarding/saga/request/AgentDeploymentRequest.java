package org.msp.onboarding.saga.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** An agent installer to fetch for one location of the new organization. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentDeploymentRequest(
    @NotBlank String location,
    @NotBlank
        @Pattern(
            regexp = DeploymentPlan.INSTALLER_TYPES,
            message = "must be a NinjaOne installer type")
        String installerType,
    @Positive @Max(Integer.MAX_VALUE) Long nodeRoleId) {

  /** Identifies the deployment within its saga (a location gets one task per installer type). */
  public String key() {
    return location + "|" + installerType;
  }
}
