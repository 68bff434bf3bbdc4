package org.msp.onboarding.tagjobs;

/** Where a bulk tag job stands. */
public enum TagJobStatus {
  /** Its filter has not been applied to NinjaOne's organization list yet. */
  SELECTING,
  /** Organizations are chosen; some are still to be tagged and verified. */
  RUNNING,
  /** Every chosen organization carries the change, verified by reading it back. */
  COMPLETED,
  /** Every organization was tried to the end; some could not be changed (see their results). */
  COMPLETED_WITH_FAILURES,
  /** The organization list could not be read, even after retries: nothing was changed. */
  FAILED;

  public boolean isActive() {
    return this == SELECTING || this == RUNNING;
  }
}
