package org.msp.onboarding.saga.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The client's organization: the one to create (the shape of NinjaOne's create-organization body),
 * to adopt ({@code ninjaOneOrganizationId}), or the desired state an update brings it to.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationRequest(
    @NotBlank
        @Size(max = Limits.MAX_NAME)
        @Pattern(regexp = Limits.NO_CONTROL_CHARS, message = Limits.CONTROL_MESSAGE)
        String name,
    @Size(max = 1000) String description,
    @Pattern(
            regexp = "AUTOMATIC|MANUAL|REJECT",
            message = "must be one of AUTOMATIC, MANUAL, REJECT")
        String nodeApprovalMode,
    @Size(max = Limits.MAX_TAGS) List<@NotBlank @Size(max = 100) String> tags,
    @Size(max = Limits.MAX_FIELDS) Map<@NotBlank @Size(max = 100) String, Object> fields,
    @Size(max = Limits.MAX_LOCATIONS) List<@NotNull @Valid LocationRequest> locations,
    @Size(max = Limits.MAX_POLICIES) List<@NotNull @Valid PolicyRequest> policies,
    @Positive Long ninjaOneOrganizationId,
    @Positive @Max(Integer.MAX_VALUE) Long templateOrganizationId) {

  /** An onboarding that takes over this existing organization instead of creating one. */
  public boolean adopts() {
    return ninjaOneOrganizationId != null;
  }

  /** The same organization created from this template organization (NinjaOne copies it). */
  public OrganizationRequest withTemplate(Long templateId) {
    return new OrganizationRequest(
        name,
        description,
        nodeApprovalMode,
        tags,
        fields,
        locations,
        policies,
        ninjaOneOrganizationId,
        templateId);
  }

  public String approvalModeOrDefault() {
    return nodeApprovalMode == null ? "AUTOMATIC" : nodeApprovalMode;
  }

  public List<LocationRequest> locationsOrEmpty() {
    return locations == null ? List.of() : locations;
  }

  public List<PolicyRequest> policiesOrEmpty() {
    return policies == null ? List.of() : policies;
  }

  public Map<String, Object> fieldsOrEmpty() {
    return fields == null ? Map.of() : fields;
  }

  public List<String> tagsOrEmpty() {
    return tags == null ? List.of() : tags;
  }
}
