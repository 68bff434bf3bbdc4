package org.msp.onboarding.ninjaone.budget;

import java.time.Duration;

/**
 * How the tenant's effective rate follows NinjaOne's throttling: additive increase, multiplicative
 * decrease (the rule TCP uses to share a link it cannot see). A throttle cuts the rate by {@code
 * cutFactor}, at most once per {@code cutCooldown} (the calls already sent or reserved at the old
 * rate answer 429 too, and must not cut it again); then, for each {@code raiseEvery} without a
 * throttle, it grows by {@code raiseStep} requests/s, up to the configured budget. Never below
 * {@code floor}.
 */
public record Aimd(
    double budget,
    double cutFactor,
    Duration cutCooldown,
    double raiseStep,
    Duration raiseEvery,
    double floor) {

  /**
   * Halve on a throttle, then +5% of the budget per second: back to the full budget ten seconds
   * after one cut, slow enough that a limit just under the budget is not hit again every second. At
   * least 1 request/s.
   */
  public static Aimd forBudget(double budget) {
    return new Aimd(
        budget,
        0.5,
        Duration.ofSeconds(1),
        budget * 0.05,
        Duration.ofSeconds(1),
        Math.min(1, budget));
  }
}
