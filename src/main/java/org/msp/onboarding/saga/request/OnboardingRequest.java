package org.msp.onboarding.saga.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Version 1 of the "new client" event a CRM/PSA publishes (design.md). Unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OnboardingRequest(
    @NotBlank
        @Size(max = 200)
        @Pattern(regexp = Limits.NO_CONTROL_CHARS, message = Limits.CONTROL_MESSAGE)
        String eventId,
    @NotBlank
        @Size(max = 200)
        @Pattern(regexp = Limits.NO_CONTROL_CHARS, message = Limits.CONTROL_MESSAGE)
        String clientId,
    @Size(max = 100) String source,
    OffsetDateTime occurredAt,
    @NotNull @Valid OrganizationRequest organization,
    @Size(max = Limits.MAX_DEPLOYMENTS)
        List<@NotNull @Valid AgentDeploymentRequest> agentDeployments) {

  /**
   * Whether step 5 may have tasks to record: deployments listed, or implied by mapped roles at
   * locations.
   */
  public boolean mayDeployAgents() {
    if (agentDeployments != null && !agentDeployments.isEmpty()) {
      return true;
    }
    return !organization.policiesOrEmpty().isEmpty() && !organization.locationsOrEmpty().isEmpty();
  }

  /** The same request under another event id (a rerun is a saga of its own). */
  public OnboardingRequest withEventId(String newEventId) {
    return new OnboardingRequest(
        newEventId, clientId, source, occurredAt, organization, agentDeployments);
  }
}
