package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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

  @Override
  public StepOutcome execute(StepContext context) {
    ninjaOne.replacePolicies(
        context.data().organizationId, context.request().organization().policies());
    return StepOutcome.succeeded();
  }

  /**
   * Where the definition declares it (an update), the mapping before the write is read and saved
   * for the rollback; an onboarding's organization is its own, so its mapping was empty.
   */
  @Override
  public boolean takeCheckpoint(StepContext context) {
    if (context.data().policiesBefore != null) {
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
