package org.msp.onboarding.ninjaone.budget;

/**
 * Request slots reserved at once: {@code count} moments, {@code spacingNanos} apart from {@code
 * firstNanos} (on this JVM's {@link System#nanoTime()} clock), each one call's turn.
 *
 * @param rate the tenant's effective requests per second when they were reserved
 */
public record SlotBatch(long firstNanos, long spacingNanos, int count, double rate) {
  /**
   * Share of the rate the slots use. Slots are evenly spaced, but calls reach NinjaOne with some
   * scheduling jitter, and at the full rate a few of them bunching up put one or two calls over the
   * budget in some one-second window (measured: 93 calls in the busiest window at a budget of 91).
   * At 95%, 52 ms of bunching per second stays within: 20 for a thread waking late
   * (PacedRequestBudget.LATE_NANOS), the rest for the way to NinjaOne (0.96 left too little for
   * three service processes on two busy cores: 31 calls in one window at a budget of 30).
   */
  public static final double PACE = 0.95;

  /** The time between two slots at this rate. */
  public static long spacingNanos(double rate) {
    return Math.round(1e9 / (rate * PACE));
  }

  public long slotNanos(int index) {
    return firstNanos + index * spacingNanos;
  }
}
