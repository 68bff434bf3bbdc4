package org.msp.onboarding.tagjobs;

/** Where one organization of a tag job stands. */
public enum TargetStatus {
  PENDING,
  /**
   * A transient NinjaOne failure (or a read-back that did not show the change): tried again at
   * nextAttemptAt.
   */
  WAITING_RETRY,
  /** Read back from NinjaOne with the tags added and removed. */
  VERIFIED,
  /** A permanent refusal, or retries exhausted; lastError holds NinjaOne's answer. */
  FAILED;

  public boolean isFinished() {
    return this == VERIFIED || this == FAILED;
  }
}
