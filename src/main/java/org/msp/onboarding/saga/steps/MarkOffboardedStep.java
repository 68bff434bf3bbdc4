package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.msp.onboarding.saga.NinjaOne;
import org.msp.onboarding.saga.SagaStep;
import org.msp.onboarding.saga.StepContext;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.request.ClientRequest;

/**
 * Offboarding step 1: no new device may join the organization (REJECT) and it is tagged {@value
 * #OFFBOARDED_TAG}; its name stays. What it had is read and saved first, for the rollback.
 */
@ApplicationScoped
public class MarkOffboardedStep implements SagaStep {
  static final String OFFBOARDED_TAG = "offboarded";

  private final NinjaOne ninjaOne;

  public MarkOffboardedStep(NinjaOne ninjaOne) {
    this.ninjaOne = ninjaOne;
  }

  @Override
  public StepName name() {
    return StepName.MARK_OFFBOARDED;
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
    List<String> tags = new ArrayList<>(context.data().organizationBefore.tags());
    if (!tags.contains(OFFBOARDED_TAG)) {
      tags.add(OFFBOARDED_TAG);
    }
    ninjaOne.changeOrganization(
        organizationId, new NinjaOne.OrganizationChange(null, null, "REJECT", tags, null));
    return StepOutcome.succeeded();
  }

  /** The approval mode and tags it had. */
  @Override
  public StepOutcome compensate(StepContext context) {
    NinjaOne.OrganizationState before = context.data().organizationBefore;
    if (before == null) {
      return StepOutcome.succeeded();
    }
    ninjaOne.changeOrganization(
        before.id(),
        new NinjaOne.OrganizationChange(
            null, null, before.nodeApprovalMode(), before.tags(), null));
    return StepOutcome.succeeded();
  }
}
