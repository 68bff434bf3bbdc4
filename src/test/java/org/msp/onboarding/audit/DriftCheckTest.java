package org.msp.onboarding.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.audit.TenantReads.PolicyMapping;
import org.msp.onboarding.saga.request.PolicyRequest;

class DriftCheckTest {
  private final DriftCheck drift = new DriftCheck(new ObjectMapper());

  @Test
  void sameMappingInAnyOrderIsNoDrift() {
    assertEquals(
        List.of(),
        DriftCheck.policies(
            List.of(new PolicyRequest(1L, 100L), new PolicyRequest(2L, 200L)),
            List.of(new PolicyMapping(2, 200), new PolicyMapping(1, 100))));
  }

  @Test
  void changedMissingAndExtraMappingsAreEachNamed() {
    assertEquals(
        List.of(
            "node role 1: expected policy 100, found 101",
            "node role 2: expected policy 200, not mapped",
            "node role 5: mapped to policy 500, not set by onboarding"),
        DriftCheck.policies(
            List.of(new PolicyRequest(1L, 100L), new PolicyRequest(2L, 200L)),
            List.of(new PolicyMapping(1, 101), new PolicyMapping(5, 500))));
  }

  @Test
  void onlyRequestedFieldsCountAndNumbersCompareByValue() {
    Map<String, Object> actual =
        new HashMap<>(Map.of("slaHours", 4.0, "contractType", "Managed", "other", "x"));
    assertEquals(List.of(), drift.fields(Map.of("slaHours", 4, "contractType", "Managed"), actual));
  }

  @Test
  void changedAndMissingFieldsAreNamedWithBothValues() {
    Map<String, Object> expected = new HashMap<>();
    expected.put("contractType", "Managed");
    expected.put("slaHours", 4);
    expected.put("retired", null);
    Map<String, Object> actual = Map.of("slaHours", 8, "retired", true);
    assertEquals(
        List.of(
            "field contractType: expected \"Managed\", missing",
            "field retired: expected none, found true",
            "field slaHours: expected 4, found 8"),
        drift.fields(expected, actual));
  }
}
