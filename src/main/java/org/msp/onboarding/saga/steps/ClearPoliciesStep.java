package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.msp.onboarding.saga.NinjaOne;
import org.msp.onboarding.saga.SagaStep;
import org.msp.onboarding.saga.StepContext;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.request.ClientRequest;

/**
 * Offboarding step 2: the organization's policy mapping is emptied. The mapping before is the
 * declared checkpoint, saved in the previous step's commit, so the rollback can put it back.
 */
@ApplicationScoped
public class ClearPoliciesStep implements SagaStep {
  private final NinjaOne ninjaOne;

  public ClearPoliciesStep(NinjaOne ninjaOne) {
    this.ninjaOne = ninjaOne;
  }

  @Override
  public StepName name() {
    return StepName.CLEAR_POLICIES;
  }

  @Override
  public boolean hasWork(ClientRequest request) {
    return true;
  }

  @Override
  public boolean takeCheckpoint(StepContext context) {
    if (context.data().policiesBefore != null) {
      return false;
    }
    context.data().policiesBefore =
        List.copyOf(ninjaOne.readOrganization(context.data().organizationId).policies());
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    ninjaOne.replacePolicies(context.data().organizationId, List.of());
    return StepOutcome.succeeded();
  }

  @Override
  public StepOutcome compensate(StepContext context) {
    if (context.data().policiesBefore != null) {
      ninjaOne.replacePolicies(context.data().organizationId, context.data().policiesBefore);
    }
    return StepOutcome.succeeded();
  }
}
