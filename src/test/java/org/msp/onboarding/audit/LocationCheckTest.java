package org.msp.onboarding.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.audit.TenantReads.Location;
import org.msp.onboarding.saga.request.LocationRequest;

class LocationCheckTest {
  private static final List<LocationRequest> REQUESTED =
      List.of(
          new LocationRequest("Headquarters", null, null),
          new LocationRequest("Branch", null, null));
  private static final Map<String, Long> RECORDED = Map.of("Headquarters", 11L, "Branch", 12L);

  @Test
  void requestedLocationsAndNinjaOnesDefaultOneAreNoDriftWhateverTheCase() {
    assertEquals(
        List.of(),
        LocationCheck.locations(
            REQUESTED,
            RECORDED,
            List.of(
                new Location(10L, "Main Office"),
                new Location(11L, "HEADQUARTERS"),
                new Location(12L, "Branch"))));
  }

  @Test
  void missingRenamedAndExtraLocationsAreEachOneLine() {
    assertEquals(
        List.of(
            "location 'Headquarters': renamed to 'HQ'",
            "location 'Branch': missing",
            "location 'Warehouse': not set by onboarding"),
        LocationCheck.locations(
            REQUESTED, RECORDED, List.of(new Location(11L, "HQ"), new Location(13L, "Warehouse"))));
  }

  @Test
  void aSagaThatRecordedNoLocationIdsStillSeesMissingOnes() {
    assertEquals(
        List.of("location 'Branch': missing"),
        LocationCheck.locations(REQUESTED, Map.of(), List.of(new Location(11L, "Headquarters"))));
  }
}
