package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.msp.onboarding.saga.ConcurrentCalls;
import org.msp.onboarding.saga.FailureCode;
import org.msp.onboarding.saga.NinjaOne;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.saga.SagaEvent;
import org.msp.onboarding.saga.SagaStep;
import org.msp.onboarding.saga.StepContext;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.LocationRequest;

/**
 * Step 2. Location names are unique within an organization, so a 409 means the location is already
 * there: made by a run whose answer was lost, or NinjaOne's default "Main Office". Either way it is
 * adopted. The locations are added side by side ({@link ConcurrentCalls}).
 */
@ApplicationScoped
public class AddLocationsStep implements SagaStep {
  private final NinjaOne ninjaOne;
  private final ConcurrentCalls calls;

  @Inject
  public AddLocationsStep(NinjaOne ninjaOne, ConcurrentCalls calls) {
    this.ninjaOne = ninjaOne;
    this.calls = calls;
  }

  public AddLocationsStep(NinjaOne ninjaOne) {
    this(ninjaOne, ConcurrentCalls.oneAfterAnother());
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
    List<LocationRequest> missing =
        context.request().organization().locationsOrEmpty().stream()
            .filter(location -> !context.data().locationIds.containsKey(location.name()))
            .toList();
    List<ConcurrentCalls.Result<Long>> added =
        calls.run(
            missing.stream()
                .<Supplier<Long>>map(
                    location ->
                        () ->
                            ninjaOne.addLocation(
                                organizationId,
                                new NinjaOne.NewLocation(
                                    location.name(), location.address(), location.description())))
                .toList());
    // Every location made is kept, even when another one failed: the retry adds only the rest.
    StepOutcome failure = null;
    for (int i = 0; i < missing.size(); i++) {
      String name = missing.get(i).name();
      try {
        context.data().locationIds.put(name, added.get(i).get());
        if (context.request().organization().adopts()) {
          added(context).add(name);
        }
      } catch (RemoteCallException e) {
        if (failure != null) {
          continue;
        }
        if (e.kind() != RemoteCallException.Kind.CONFLICT) {
          failure = e.toOutcome();
          continue;
        }
        Optional<Long> existing = findByName(organizationId, name);
        if (existing.isEmpty()) {
          failure = new StepOutcome.Failed(FailureCode.CONFLICT, e.getMessage());
        } else {
          context.data().locationIds.put(name, existing.get());
        }
      }
    }
    return failure != null ? failure : StepOutcome.succeeded();
  }

  private Optional<Long> findByName(long organizationId, String name) {
    return ninjaOne.locations(organizationId).stream()
        .filter(l -> l.name() != null && l.name().equalsIgnoreCase(name))
        .map(NinjaOne.Location::id)
        .findFirst();
  }

  /** The locations this saga added to an adopted organization (its own ones are found by name). */
  private static List<String> added(StepContext context) {
    if (context.data().addedLocations == null) {
      context.data().addedLocations = new ArrayList<>();
    }
    return context.data().addedLocations;
  }

  /**
   * NinjaOne cannot delete locations; a created organization's go with it and its clean-up task,
   * those added to an adopted one are named in a clean-up task of their own.
   */
  @Override
  public StepOutcome compensate(StepContext context) {
    List<String> added = context.data().addedLocations;
    if (!context.request().organization().adopts() || added == null || added.isEmpty()) {
      return StepOutcome.succeeded();
    }
    return StepOutcome.succeeded(
        new SagaEvent.CleanupDue(
            context.data().organizationId,
            "Adoption of organization "
                + context.data().organizationId
                + " by client "
                + context.request().clientId()
                + " was rolled back ("
                + context.failureCode()
                + "). NinjaOne cannot delete locations: remove "
                + added
                + " from it in the NinjaOne console if no device uses them."));
  }
}
