package org.msp.onboarding.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.ninjaone.dto.LocationBody;
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
                new LocationBody(10L, "Main Office", null, null),
                new LocationBody(11L, "HEADQUARTERS", null, null),
                new LocationBody(12L, "Branch", null, null))));
  }

  @Test
  void missingRenamedAndExtraLocationsAreEachOneLine() {
    assertEquals(
        List.of(
            "location 'Headquarters': renamed to 'HQ'",
            "location 'Branch': missing",
            "location 'Warehouse': not set by onboarding"),
        LocationCheck.locations(
            REQUESTED,
            RECORDED,
            List.of(
                new LocationBody(11L, "HQ", null, null),
                new LocationBody(13L, "Warehouse", null, null))));
  }

  @Test
  void aSagaThatRecordedNoLocationIdsStillSeesMissingOnes() {
    assertEquals(
        List.of("location 'Branch': missing"),
        LocationCheck.locations(
            REQUESTED, Map.of(), List.of(new LocationBody(11L, "Headquarters", null, null))));
  }
}
