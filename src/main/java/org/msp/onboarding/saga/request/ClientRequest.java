package org.msp.onboarding.saga.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Version 1 of the events a CRM/PSA publishes about a client (design.md, README "The events"): an
 * onboarding (no {@code type}, or {@link RequestType#ONBOARDING}), an update (the client's whole
 * desired state, same shape) or an offboarding ({@code reason}, no organization). Unknown fields
 * are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientRequest(
    @Size(max = 100) String type,
    @NotBlank
        @Size(max = 200)
        @Pattern(regexp = Limits.NO_CONTROL_CHARS, message = Limits.CONTROL_MESSAGE)
        String eventId,
    @NotBlank
        @Size(max = 200)
        @Pattern(regexp = Limits.NO_CONTROL_CHARS, message = Limits.CONTROL_MESSAGE)
        String clientId,
    @Size(max = 100) String source,
    @JsonDeserialize(using = Rfc3339Timestamp.class) OffsetDateTime occurredAt,
    @Valid OrganizationRequest organization,
    @Size(max = Limits.MAX_DEPLOYMENTS)
        List<@NotNull @Valid AgentDeploymentRequest> agentDeployments,
    @Size(max = 1000) String reason,
    @Size(max = Limits.MAX_CHECKLISTS)
        List<@NotNull @Positive @Max(Integer.MAX_VALUE) Long> checklistTemplateIds) {

  /** The request's type; an event without one is an onboarding request (every v1 event). */
  public RequestType requestType() {
    return RequestType.of(type);
  }

  /**
   * Whether step 5 may have tasks to record: deployments listed, or implied by mapped roles at
   * locations.
   */
  public boolean mayDeployAgents() {
    if (organization == null) {
      return false;
    }
    if (agentDeployments != null && !agentDeployments.isEmpty()) {
      return true;
    }
    return !organization.policiesOrEmpty().isEmpty() && !organization.locationsOrEmpty().isEmpty();
  }

  /** The same request under another event id (a rerun is a saga of its own). */
  public ClientRequest withEventId(String newEventId) {
    return new ClientRequest(
        type,
        newEventId,
        clientId,
        source,
        occurredAt,
        organization,
        agentDeployments,
        reason,
        checklistTemplateIds);
  }

  /** The same request with the templates the service chose (see TemplateChoice). */
  public ClientRequest withTemplates(Long templateOrganizationId, List<Long> checklists) {
    return new ClientRequest(
        type,
        eventId,
        clientId,
        source,
        occurredAt,
        organization.withTemplate(templateOrganizationId),
        agentDeployments,
        reason,
        checklists);
  }

  public List<Long> checklistTemplateIdsOrEmpty() {
    return checklistTemplateIds == null ? List.of() : checklistTemplateIds;
  }

  /** The organization's name the request gives, or null (an offboarding names none). */
  public String organizationName() {
    return organization == null ? null : organization.name();
  }
}
