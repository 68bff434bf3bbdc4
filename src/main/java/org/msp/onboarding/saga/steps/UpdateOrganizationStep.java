package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.msp.onboarding.saga.FailureCode;
import org.msp.onboarding.saga.NinjaOne;
import org.msp.onboarding.saga.OrganizationNames;
import org.msp.onboarding.saga.SagaEvent;
import org.msp.onboarding.saga.SagaStep;
import org.msp.onboarding.saga.StepContext;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.OrganizationRequest;

/**
 * Update step 1: the organization's name, description, approval mode and the tags this service
 * manages, in one PATCH. The organization as it stood is read and saved first (a commit of its
 * own), so that a lost PATCH cannot make the rollback restore the new values. A new name follows
 * the onboarding's rule: held by another organization, the update is a NAME_CONFLICT.
 */
@ApplicationScoped
public class UpdateOrganizationStep implements SagaStep {
  private final NinjaOne ninjaOne;
  private final OrganizationNames names;

  public UpdateOrganizationStep(NinjaOne ninjaOne, OrganizationNames names) {
    this.ninjaOne = ninjaOne;
    this.names = names;
  }

  @Override
  public StepName name() {
    return StepName.UPDATE_ORGANIZATION;
  }

  @Override
  public boolean hasWork(ClientRequest request) {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    long organizationId = context.data().organizationId;
    if (context.data().organizationBefore == null) {
      context.data().organizationBefore = ninjaOne.readOrganization(organizationId);
      return new StepOutcome.Checkpoint();
    }
    NinjaOne.OrganizationState before = context.data().organizationBefore;
    OrganizationRequest wanted = context.request().organization();
    boolean renamed = !wanted.name().equals(before.name());
    if (renamed && !wanted.name().equalsIgnoreCase(before.name())) {
      List<Long> others =
          names.holdersOf(wanted.name()).stream()
              .map(OrganizationNames.Holder::organizationId)
              .filter(id -> id != organizationId)
              .toList();
      if (!others.isEmpty()) {
        return new StepOutcome.Failed(
            FailureCode.NAME_CONFLICT,
            "organization '"
                + wanted.name()
                + "' already exists in NinjaOne (id "
                + others.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + "); organization "
                + organizationId
                + " keeps its name '"
                + before.name()
                + "'");
      }
    }
    ninjaOne.changeOrganization(
        organizationId,
        new NinjaOne.OrganizationChange(
            wanted.name(),
            wanted.description(),
            wanted.nodeApprovalMode(),
            tags(before.tags(), context.data().managedTags, wanted.tagsOrEmpty()),
            null));
    return renamed
        ? StepOutcome.succeeded(
            new SagaEvent.OrganizationNamed(organizationId, wanted.name(), markerOf(before)))
        : StepOutcome.succeeded();
  }

  /**
   * The organization's tags with the managed ones replaced by the wanted ones; tags this service
   * never set stay, in their order.
   */
  static List<String> tags(List<String> current, List<String> managed, List<String> wanted) {
    Set<String> result = new LinkedHashSet<>(current == null ? List.of() : current);
    if (managed != null) {
      managed.stream().filter(t -> !wanted.contains(t)).forEach(result::remove);
    }
    result.addAll(wanted);
    return new ArrayList<>(result);
  }

  private static String markerOf(NinjaOne.OrganizationState organization) {
    Object marker =
        organization.userData() == null ? null : organization.userData().get(StepContext.MARKER);
    return marker == null ? null : marker.toString();
  }

  /** Puts back what the organization had: name, description, approval mode and tags. */
  @Override
  public StepOutcome compensate(StepContext context) {
    NinjaOne.OrganizationState before = context.data().organizationBefore;
    if (before == null) {
      return StepOutcome.succeeded();
    }
    ninjaOne.changeOrganization(
        before.id(),
        new NinjaOne.OrganizationChange(
            before.name(),
            Objects.requireNonNullElse(before.description(), ""),
            before.nodeApprovalMode(),
            before.tags(),
            null));
    return StepOutcome.succeeded(
        new SagaEvent.OrganizationNamed(before.id(), before.name(), markerOf(before)));
  }
}
