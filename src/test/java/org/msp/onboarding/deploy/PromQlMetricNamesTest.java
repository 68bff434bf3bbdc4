package org.msp.onboarding.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

  @Test
  void aBareSelectorIsItsMetricName() {
    assertEquals(Set.of("onboarding_sagas_stuck"), PromQlMetricNames.of("onboarding_sagas_stuck"));
  }

  @Test
  void functionsAggregationsAndTheirLabelListsAreNotMetricNames() {
    assertEquals(
        Set.of("onboarding_step_duration_seconds_bucket"),
        PromQlMetricNames.of(
            "histogram_quantile(0.95, sum by (le, step) "
                + "(rate(onboarding_step_duration_seconds_bucket{phase=\"FORWARD\"}[5m])))"));
    assertEquals(
        Set.of("a_total"),
        PromQlMetricNames.of("sum without(pod) (increase(a_total[1h] offset 1d))"));
  }

  @Test
  void labelMatchersRangesStringsAndGrafanaVariablesAreSkipped() {
    assertEquals(
        Set.of("ninjaone_calls_seconds_count"),
        PromQlMetricNames.of(
            "sum(rate(ninjaone_calls_seconds_count{namespace=~\"$namespace\","
                + " status=~\"5..|none\", endpoint!=\"}{ (x) \"}[$__rate_interval]))"));
  }

  @Test
  void bothSidesOfBinaryOperatorsAndVectorMatchingAreRead() {
    assertEquals(
        Set.of("ninjaone_budget_effective_rate", "ninjaone_calls_seconds_count", "ninjaone_x"),
        PromQlMetricNames.of(
            "sum by (namespace) (rate(ninjaone_calls_seconds_count[5m]))\n"
                + "  / on (namespace) group_left max by (namespace) (ninjaone_budget_effective_rate)"
                + " > 0.85 or ninjaone_x >= bool 5e0 unless vector(1)"));
  }

  @Test
  void numbersAndDurationsAreNotNames() {
    assertEquals(Set.of("m"), PromQlMetricNames.of("m > 1.5e3 and m < 0x1f or m > .5"));
  }
}
