package org.msp.onboarding.persistence;

import java.time.Instant;
import org.msp.onboarding.saga.Saga;
import org.msp.onboarding.saga.StuckRule;

/**
 * A stored saga as the read side sees it: the domain's snapshot, its place in the newest-first
 * order and the lease of the worker holding it, if any.
 */
public record SagaRecord(
    Saga.Snapshot saga, long seq, String leaseOwner, Instant leaseUntil, String traceparent) {

  /** What the stuck rule needs of this saga. */
  public StuckRule.Progress progress() {
    return new StuckRule.Progress(
        saga.status(),
        saga.haltedReason(),
        saga.nextAttemptAt(),
        saga.updatedAt(),
        leaseOwner,
        leaseUntil);
  }
}
