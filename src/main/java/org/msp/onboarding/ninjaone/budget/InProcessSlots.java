package org.msp.onboarding.ninjaone.budget;

/**
 * Slots for one process at a fixed rate, kept in memory: the benchmark's competitors pace their
 * calls with it exactly as the service does, and unit tests use it to test the pacing without a
 * database.
 */
public final class InProcessSlots implements SlotSource {
  private final double rate;
  private long nextNanos = System.nanoTime();

  public InProcessSlots(double rate) {
    this.rate = rate;
  }

  @Override
  public synchronized SlotBatch reserve(int wanted) {
    long spacing = SlotBatch.spacingNanos(rate);
    long first = Math.max(nextNanos, System.nanoTime());
    nextNanos = first + wanted * spacing;
    return new SlotBatch(first, spacing, wanted, rate);
  }

  @Override
  public void throttled() {
    // A fixed rate: this source only paces.
  }
}
