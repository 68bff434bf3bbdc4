package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.msp.onboarding.saga.NinjaOne;
import org.msp.onboarding.saga.SagaStep;
import org.msp.onboarding.saga.StepContext;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.PolicyRequest;

/** Step 3. The PUT replaces the whole mapping, so repeating it is harmless. */
@ApplicationScoped
public class MapPoliciesStep implements SagaStep {
  private final NinjaOne ninjaOne;

  public MapPoliciesStep(NinjaOne ninjaOne) {
    this.ninjaOne = ninjaOne;
  }

  @Override
  public StepName name() {
    return StepName.MAP_POLICIES;
  }

  @Override
  public boolean hasWork(ClientRequest request) {
    return !request.organization().policiesOrEmpty().isEmpty();
  }

  /**
   * An onboarding's or update's mapping replaces the organization's; an adopted organization keeps
   * the mappings of roles the request does not name.
   */
  @Override
  public StepOutcome execute(StepContext context) {
    List<PolicyRequest> wanted = context.request().organization().policies();
    if (context.request().organization().adopts() && context.data().policiesBefore != null) {
      Set<Long> named = wanted.stream().map(PolicyRequest::nodeRoleId).collect(Collectors.toSet());
      List<PolicyRequest> merged = new ArrayList<>();
      context.data().policiesBefore.stream()
          .filter(p -> !named.contains(p.nodeRoleId()))
          .forEach(merged::add);
      merged.addAll(wanted);
      wanted = merged;
    }
    ninjaOne.replacePolicies(context.data().organizationId, wanted);
    return StepOutcome.succeeded();
  }

  /**
   * Where the definition declares it, the mapping of an organization the saga did not create
   * (adopted, updated) is read before the write and saved for the rollback; an organization the
   * saga created had none.
   */
  @Override
  public boolean takeCheckpoint(StepContext context) {
    // only an organization the saga did not create (adopted, updated) had a mapping to keep
    if (context.data().policiesBefore != null || context.data().organizationBefore == null) {
      return false;
    }
    context.data().policiesBefore =
        List.copyOf(ninjaOne.readOrganization(context.data().organizationId).policies());
    return true;
  }

  /** Puts back the mapping saved before the write; none saved means the organization had none. */
  @Override
  public StepOutcome compensate(StepContext context) {
    if (context.data().organizationId != null) {
      List<PolicyRequest> before = context.data().policiesBefore;
      ninjaOne.replacePolicies(context.data().organizationId, before == null ? List.of() : before);
    }
    return StepOutcome.succeeded();
  }
}
