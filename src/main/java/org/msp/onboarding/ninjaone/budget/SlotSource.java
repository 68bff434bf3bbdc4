package org.msp.onboarding.ninjaone.budget;

/** Where request slots come from: one table row shared by every instance, or this process alone. */
public interface SlotSource {
  /**
   * The next {@code wanted} slots; no other caller of the same source ever gets a slot closer than
   * the spacing.
   */
  SlotBatch reserve(int wanted);

  /** A call was throttled: lower the rate (for every user of the source). */
  void throttled();
}
