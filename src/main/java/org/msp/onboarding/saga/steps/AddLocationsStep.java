package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.msp.onboarding.saga.FailureCode;
import org.msp.onboarding.saga.NinjaOne;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.saga.SagaStep;
import org.msp.onboarding.saga.StepContext;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.LocationRequest;

/**
 * Step 2. Location names are unique within an organization, so a 409 means the location is already
 * there: made by a run whose answer was lost, or NinjaOne's default "Main Office". Either way it is
 * adopted.
 */
@ApplicationScoped
public class AddLocationsStep implements SagaStep {
  private final NinjaOne ninjaOne;

  public AddLocationsStep(NinjaOne ninjaOne) {
    this.ninjaOne = ninjaOne;
  }

  @Override
  public StepName name() {
    return StepName.ADD_LOCATIONS;
  }

  @Override
  public boolean hasWork(ClientRequest request) {
    return !request.organization().locationsOrEmpty().isEmpty();
  }

  @Override
  public StepOutcome execute(StepContext context) {
    long organizationId = context.data().organizationId;
    for (LocationRequest location : context.request().organization().locationsOrEmpty()) {
      if (context.data().locationIds.containsKey(location.name())) {
        continue;
      }
      try {
        long id =
            ninjaOne.addLocation(
                organizationId,
                new NinjaOne.NewLocation(
                    location.name(), location.address(), location.description()));
        context.data().locationIds.put(location.name(), id);
      } catch (RemoteCallException e) {
        if (e.kind() != RemoteCallException.Kind.CONFLICT) {
          return e.toOutcome();
        }
        Optional<Long> existing = findByName(organizationId, location.name());
        if (existing.isEmpty()) {
          return new StepOutcome.Failed(FailureCode.CONFLICT, e.getMessage());
        }
        context.data().locationIds.put(location.name(), existing.get());
      }
    }
    return StepOutcome.succeeded();
  }

  private Optional<Long> findByName(long organizationId, String name) {
    return ninjaOne.locations(organizationId).stream()
        .filter(l -> l.name() != null && l.name().equalsIgnoreCase(name))
        .map(NinjaOne.Location::id)
        .findFirst();
  }

  /**
   * NinjaOne cannot delete locations; they go with the neutralised organization and the clean-up
   * task.
   */
  @Override
  public StepOutcome compensate(StepContext context) {
    return StepOutcome.succeeded();
  }
}
