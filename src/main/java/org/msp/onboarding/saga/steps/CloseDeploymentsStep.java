package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import org.msp.onboarding.saga.SagaEvent;
import org.msp.onboarding.saga.SagaStep;
import org.msp.onboarding.saga.StepContext;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.request.ClientRequest;

/**
 * Offboarding step 3, no NinjaOne call: the organization's open deployment tasks are cancelled and
 * an operator gets a clean-up task for what the API cannot do (retire devices, archive the
 * organization).
 */
@ApplicationScoped
public class CloseDeploymentsStep implements SagaStep {

  @Override
  public StepName name() {
    return StepName.CLOSE_DEPLOYMENTS;
  }

  @Override
  public boolean hasWork(ClientRequest request) {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    long organizationId = context.data().organizationId;
    String reason = context.request().reason();
    return StepOutcome.succeeded(
        new SagaEvent.OrganizationTasksCancelled(organizationId),
        new SagaEvent.CleanupDue(
            organizationId,
            "Client "
                + context.request().clientId()
                + " was offboarded"
                + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")
                + ". Organization "
                + organizationId
                + " now rejects new devices, has no policy mapping and is tagged "
                + MarkOffboardedStep.OFFBOARDED_TAG
                + ". Retire its devices and archive the organization in the NinjaOne console."));
  }

  /** The last step: its success ends the saga, so it is never rolled back. */
  @Override
  public StepOutcome compensate(StepContext context) {
    return StepOutcome.succeeded();
  }
}
