package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * Update step 2: locations the request names and the organization lacks are added, those whose
 * address or description changed are patched. A location the request no longer names stays: devices
 * may sit there. The locations as they stood are read and saved first.
 */
@ApplicationScoped
public class UpdateLocationsStep implements SagaStep {
  private final NinjaOne ninjaOne;

  public UpdateLocationsStep(NinjaOne ninjaOne) {
    this.ninjaOne = ninjaOne;
  }

  @Override
  public StepName name() {
    return StepName.UPDATE_LOCATIONS;
  }

  @Override
  public boolean hasWork(ClientRequest request) {
    return !request.organization().locationsOrEmpty().isEmpty();
  }

  @Override
  public StepOutcome execute(StepContext context) {
    long organizationId = context.data().organizationId;
    if (context.data().locationsBefore == null) {
      Map<String, NinjaOne.Location> before = new LinkedHashMap<>();
      ninjaOne.locations(organizationId).forEach(l -> before.put(key(l.name()), l));
      context.data().locationsBefore = before;
      context.data().addedLocations = new ArrayList<>();
      return new StepOutcome.Checkpoint();
    }
    for (LocationRequest wanted : context.request().organization().locationsOrEmpty()) {
      if (context.data().locationIds.containsKey(wanted.name())) {
        continue; // done by an earlier run
      }
      NinjaOne.Location existing = context.data().locationsBefore.get(key(wanted.name()));
      NinjaOne.NewLocation body =
          new NinjaOne.NewLocation(wanted.name(), wanted.address(), wanted.description());
      if (existing != null) {
        if (changed(existing, wanted)) {
          ninjaOne.changeLocation(organizationId, existing.id(), body);
        }
        context.data().locationIds.put(wanted.name(), existing.id());
        continue;
      }
      try {
        context.data().locationIds.put(wanted.name(), ninjaOne.addLocation(organizationId, body));
      } catch (RemoteCallException e) {
        if (e.kind() != RemoteCallException.Kind.CONFLICT) {
          return e.toOutcome();
        }
        // an earlier run's add whose answer was lost
        NinjaOne.Location added =
            ninjaOne.locations(organizationId).stream()
                .filter(l -> key(wanted.name()).equals(key(l.name())))
                .findFirst()
                .orElse(null);
        if (added == null) {
          return new StepOutcome.Failed(FailureCode.CONFLICT, e.getMessage());
        }
        context.data().locationIds.put(wanted.name(), added.id());
      }
      context.data().addedLocations.add(wanted.name());
    }
    return StepOutcome.succeeded();
  }

  private static boolean changed(NinjaOne.Location existing, LocationRequest wanted) {
    return (wanted.address() != null && !wanted.address().equals(existing.address()))
        || (wanted.description() != null && !wanted.description().equals(existing.description()));
  }

  private static String key(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }

  /**
   * Patched locations get their address and description back; NinjaOne cannot delete the added
   * ones, so an operator is asked to (a clean-up task).
   */
  @Override
  public StepOutcome compensate(StepContext context) {
    Map<String, NinjaOne.Location> before = context.data().locationsBefore;
    if (before == null) {
      return StepOutcome.succeeded();
    }
    long organizationId = context.data().organizationId;
    for (LocationRequest wanted : context.request().organization().locationsOrEmpty()) {
      NinjaOne.Location was = before.get(key(wanted.name()));
      if (was != null && changed(was, wanted)) {
        ninjaOne.changeLocation(
            organizationId,
            was.id(),
            new NinjaOne.NewLocation(
                was.name(),
                Objects.requireNonNullElse(was.address(), ""),
                Objects.requireNonNullElse(was.description(), "")));
      }
    }
    List<String> added = context.data().addedLocations;
    if (added == null || added.isEmpty()) {
      return StepOutcome.succeeded();
    }
    return StepOutcome.succeeded(
        new SagaEvent.CleanupDue(
            organizationId,
            "Update of client "
                + context.request().clientId()
                + " was rolled back ("
                + context.failureCode()
                + "). NinjaOne cannot delete locations: remove "
                + added
                + " from organization "
                + organizationId
                + " in the NinjaOne console if no device uses them."));
  }
}
