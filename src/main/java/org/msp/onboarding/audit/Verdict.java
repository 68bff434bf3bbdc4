package org.msp.onboarding.audit;

/** The audit's finding for one organization of the tenant. */
public enum Verdict {
  /**
   * A COMPLETED saga onboarded it and its policy mapping and required custom fields are as that
   * saga set them.
   */
  MATCHES,
  /**
   * A COMPLETED saga onboarded it, but its policy mapping or required custom fields were changed
   * since.
   */
  DRIFTED,
  /** No saga knows this organization (created by hand, or before the service). */
  UNKNOWN_TO_SAGAS,
  /**
   * A saga knows it but did not complete (still running, rolled back, or failed): nothing to
   * compare against.
   */
  NOT_COMPLETED,
  /** NinjaOne's details for it could not be read, even after retries. */
  UNREADABLE
}
