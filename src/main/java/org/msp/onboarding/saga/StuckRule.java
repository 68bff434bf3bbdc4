package org.msp.onboarding.saga;

import java.time.Duration;
import java.time.Instant;

/**
 * A saga is stuck when it is unfinished and has made no progress for longer than the deadline.
 * Waiting for a scheduled retry (Retry-After included) is progress; a lease nobody renews, or a due
 * saga nobody claims, is not. A saga halted because its outcomes could not be recorded is stuck at
 * once: nothing runs it until an operator acts.
 */
public final class StuckRule {
  private StuckRule() {}

  /** What the rule looks at: the saga's state and, while one holds it, the worker's lease. */
  public record Progress(
      SagaStatus status,
      String haltedReason,
      Instant nextAttemptAt,
      Instant updatedAt,
      String leaseOwner,
      Instant leaseUntil) {}

  /** Why the saga is stuck, or null when it is not. */
  public static String reason(Progress saga, Instant now, Duration deadline) {
    if (saga.status().isActive() && saga.haltedReason() != null) {
      return "halted until an operator retries it: " + saga.haltedReason();
    }
    if (!saga.status().isActive() || saga.nextAttemptAt().isAfter(now)) {
      return null;
    }
    Instant lastProgress = saga.updatedAt();
    if (!lastProgress.isBefore(now.minus(deadline))) {
      return null;
    }
    String idle = "no progress since " + lastProgress + " (deadline " + deadline + ")";
    if (saga.leaseOwner() != null && saga.leaseUntil() != null && saga.leaseUntil().isAfter(now)) {
      return idle + ": a step has been in flight on " + saga.leaseOwner() + " all that time";
    }
    if (saga.leaseOwner() != null) {
      return idle
          + ": the lease of "
          + saga.leaseOwner()
          + " expired at "
          + saga.leaseUntil()
          + " and no instance has taken the saga over";
    }
    return idle
        + ": due since "
        + saga.nextAttemptAt()
        + " but no instance has claimed it (is any runner up?)";
  }
}
