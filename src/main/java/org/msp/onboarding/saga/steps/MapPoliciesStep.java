package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.msp.onboarding.saga.NinjaOne;
import org.msp.onboarding.saga.SagaStep;
import org.msp.onboarding.saga.StepContext;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.request.OnboardingRequest;

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
  public boolean hasWork(OnboardingRequest request) {
    return !request.organization().policiesOrEmpty().isEmpty();
  }

  @Override
  public StepOutcome execute(StepContext context) {
    ninjaOne.replacePolicies(
        context.data().organizationId, context.request().organization().policies());
    return StepOutcome.succeeded();
  }

  /** The organization is this saga's own, so its mapping before step 3 was empty. */
  @Override
  public StepOutcome compensate(StepContext context) {
    if (context.data().organizationId != null) {
      ninjaOne.replacePolicies(context.data().organizationId, List.of());
    }
    return StepOutcome.succeeded();
  }
}
