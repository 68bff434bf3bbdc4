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
 * The onboarding checklists technicians see inside NinjaOne: one per checklist template the request
 * names (or the service chose for it). Only for an organization the saga created: any checklist
 * found on it after a lost answer is this step's own.
 */
@ApplicationScoped
public class AddChecklistsStep implements SagaStep {
  private final NinjaOne ninjaOne;

  public AddChecklistsStep(NinjaOne ninjaOne) {
    this.ninjaOne = ninjaOne;
  }

  @Override
  public StepName name() {
    return StepName.ADD_CHECKLISTS;
  }

  @Override
  public boolean hasWork(ClientRequest request) {
    return !request.checklistTemplateIdsOrEmpty().isEmpty() && !request.organization().adopts();
  }

  @Override
  public StepOutcome execute(StepContext context) {
    long organizationId = context.data().organizationId;
    if (context.mayHaveRunBefore()) {
      List<Long> earlier = ninjaOne.checklistsOf(organizationId);
      if (!earlier.isEmpty()) {
        context.data().checklistIds = earlier;
        return StepOutcome.succeeded();
      }
    }
    context.data().checklistIds =
        ninjaOne.addChecklistsFromTemplates(
            organizationId, context.request().checklistTemplateIdsOrEmpty());
    return StepOutcome.succeeded();
  }

  /** NinjaOne can delete an organization's checklists: the rollback does. */
  @Override
  public StepOutcome compensate(StepContext context) {
    Long organizationId = context.data().organizationId;
    if (organizationId == null) {
      return StepOutcome.succeeded();
    }
    List<Long> ids =
        context.data().checklistIds != null
            ? context.data().checklistIds
            : ninjaOne.checklistsOf(organizationId);
    if (!ids.isEmpty()) {
      ninjaOne.deleteChecklists(ids);
    }
    return StepOutcome.succeeded();
  }
}
