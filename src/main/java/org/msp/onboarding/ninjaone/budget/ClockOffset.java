package org.msp.onboarding.ninjaone.budget;

/**
 * Maps the database's clock to this JVM's {@link System#nanoTime()}. Each reservation reads the
 * database's time; the answer arrives a little later, and much later when this thread was
 * descheduled on a busy machine, so every sample overstates the offset. The smallest one is the
 * best, and is kept, allowed to drift by a generous 100 ppm per second in case the clocks drift
 * apart (NTP slews a clock by at most 500 ppm).
 */
final class ClockOffset {
  private static final double DRIFT = 100e-6;

  private boolean known;
  private long offsetNanos;
  private long sampledAtNanos;

  /**
   * The local time of a database time, given the database time read by a statement answered at
   * {@code receivedNanos}.
   */
  synchronized long localNanos(long databaseUs, long databaseNowUs, long receivedNanos) {
    long sample = receivedNanos - databaseNowUs * 1000;
    long allowed =
        known ? offsetNanos + (long) ((receivedNanos - sampledAtNanos) * DRIFT) : Long.MAX_VALUE;
    if (sample <= allowed) {
      offsetNanos = sample;
      sampledAtNanos = receivedNanos;
      known = true;
    }
    return databaseUs * 1000 + offsetNanos;
  }
}
