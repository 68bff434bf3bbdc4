package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.msp.onboarding.saga.NinjaOne;
import org.msp.onboarding.saga.SagaStep;
import org.msp.onboarding.saga.StepContext;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.request.ClientRequest;

/**
 * Step 4. The values before the write must be read and saved first (its checkpoint, declared in
 * {@link org.msp.onboarding.saga.SagaDefinition#ONBOARDING}): read after a lost PATCH they would
 * already be ours, and the rollback could not restore them.
 */
@ApplicationScoped
public class SetCustomFieldsStep implements SagaStep {
  private final NinjaOne ninjaOne;

  public SetCustomFieldsStep(NinjaOne ninjaOne) {
    this.ninjaOne = ninjaOne;
  }

  @Override
  public StepName name() {
    return StepName.SET_CUSTOM_FIELDS;
  }

  @Override
  public boolean hasWork(ClientRequest request) {
    return !request.organization().fieldsOrEmpty().isEmpty();
  }

  /** Reads the fields' values before the write into the saga's data, unless that was done. */
  @Override
  public boolean takeCheckpoint(StepContext context) {
    if (context.data().fieldsBefore != null
        || context.request().organization().fieldsOrEmpty().isEmpty()) {
      return false;
    }
    context.data().fieldsBefore =
        new LinkedHashMap<>(ninjaOne.customFields(context.data().organizationId));
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    long organizationId = context.data().organizationId;
    ninjaOne.changeCustomFields(organizationId, context.request().organization().fieldsOrEmpty());
    return StepOutcome.succeeded();
  }

  /** Puts back each written field's earlier value; a field that had none is removed (null). */
  @Override
  public StepOutcome compensate(StepContext context) {
    Map<String, Object> before = context.data().fieldsBefore;
    if (before == null || context.data().organizationId == null) {
      return StepOutcome.succeeded();
    }
    Map<String, Object> restore = new LinkedHashMap<>();
    for (String field : context.request().organization().fieldsOrEmpty().keySet()) {
      restore.put(field, before.get(field));
    }
    ninjaOne.changeCustomFields(context.data().organizationId, restore);
    return StepOutcome.succeeded();
  }
}
