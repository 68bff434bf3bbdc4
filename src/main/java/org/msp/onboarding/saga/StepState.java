package org.msp.onboarding.saga;

import java.time.Instant;

/**
 * Where one step of one saga stands, forward and in the rollback. Changed only by the saga's
 * transitions.
 */
public final class StepState {
  private final StepName name;
  private StepStatus status;
  private int attempts;
  private int compensationAttempts;
  private String lastError;
  private String compensationError;
  private Instant nextAttemptAt;
  private Instant startedAt;
  private Instant finishedAt;
  private Instant compensatedAt;

  /** The first counted transient failure forward: its retries end maxElapsed after it. */
  private Instant firstFailureAt;

  /** The same for the step's compensation. */
  private Instant compensationFirstFailureAt;

  StepState(StepName name, boolean hasWork) {
    this.name = name;
    this.status = hasWork ? StepStatus.PENDING : StepStatus.SKIPPED;
  }

  private StepState(Snapshot s) {
    name = s.name();
    status = s.status();
    attempts = s.attempts();
    compensationAttempts = s.compensationAttempts();
    lastError = s.lastError();
    compensationError = s.compensationError();
    nextAttemptAt = s.nextAttemptAt();
    startedAt = s.startedAt();
    finishedAt = s.finishedAt();
    compensatedAt = s.compensatedAt();
    firstFailureAt = s.firstFailureAt();
    compensationFirstFailureAt = s.compensationFirstFailureAt();
  }

  /** Everything a step's state holds, for storage and for views. */
  public record Snapshot(
      StepName name,
      StepStatus status,
      int attempts,
      int compensationAttempts,
      String lastError,
      String compensationError,
      Instant nextAttemptAt,
      Instant startedAt,
      Instant finishedAt,
      Instant compensatedAt,
      Instant firstFailureAt,
      Instant compensationFirstFailureAt) {}

  static StepState restore(Snapshot snapshot) {
    return new StepState(snapshot);
  }

  public Snapshot snapshot() {
    return new Snapshot(
        name,
        status,
        attempts,
        compensationAttempts,
        lastError,
        compensationError,
        nextAttemptAt,
        startedAt,
        finishedAt,
        compensatedAt,
        firstFailureAt,
        compensationFirstFailureAt);
  }

  public StepName name() {
    return name;
  }

  public StepStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public int compensationAttempts() {
    return compensationAttempts;
  }

  Instant firstFailureAt() {
    return firstFailureAt;
  }

  Instant compensationFirstFailureAt() {
    return compensationFirstFailureAt;
  }

  boolean isUnfinished() {
    return status == StepStatus.PENDING
        || status == StepStatus.RUNNING
        || status == StepStatus.WAITING_RETRY;
  }

  /**
   * A step that succeeded, or failed after calling NinjaOne: a run that started counts even when
   * its outcome was never recorded, since the call may have taken effect.
   */
  boolean needsCompensation() {
    return status == StepStatus.SUCCEEDED
        || (status == StepStatus.FAILED
            && (attempts > 0 || startedAt != null)
            && compensatedAt == null);
  }

  /** Left to undo when a rollback stops: what an operator must look at. */
  boolean leftBehind() {
    return status == StepStatus.SUCCEEDED || (status == StepStatus.FAILED && attempts > 0);
  }

  void running(Instant now) {
    status = StepStatus.RUNNING;
    if (startedAt == null) {
      startedAt = now;
    }
  }

  void succeeded(Instant now) {
    status = StepStatus.SUCCEEDED;
    attempts++;
    lastError = null;
    nextAttemptAt = null;
    finishedAt = now;
  }

  void waitToRetry(String error, Instant at, Instant now) {
    status = StepStatus.WAITING_RETRY;
    attempts++;
    lastError = error;
    nextAttemptAt = at;
    if (firstFailureAt == null) {
      firstFailureAt = now;
    }
  }

  /** NinjaOne is down for everyone: wait without counting an attempt or starting the clock. */
  void pause(String error, Instant at) {
    status = StepStatus.WAITING_RETRY;
    lastError = error;
    nextAttemptAt = at;
  }

  void failed(String error, Instant now) {
    status = StepStatus.FAILED;
    attempts++;
    lastError = error;
    nextAttemptAt = null;
    finishedAt = now;
  }

  /**
   * Interrupted by the rollback: a step that did not finish counts as failed if it had called
   * NinjaOne. RUNNING here means a run whose process died during the call: it may have created
   * something.
   */
  void stopForward(String reason) {
    if (status == StepStatus.RUNNING || status == StepStatus.WAITING_RETRY) {
      status =
          attempts > 0 || status == StepStatus.RUNNING ? StepStatus.FAILED : StepStatus.PENDING;
      nextAttemptAt = null;
      if (lastError == null && status == StepStatus.FAILED) {
        lastError = "stopped: " + reason;
      }
    }
  }

  void compensated(Instant now) {
    status = StepStatus.COMPENSATED;
    compensationAttempts++;
    compensationError = null;
    nextAttemptAt = null;
    compensatedAt = now;
  }

  void compensationWaitToRetry(String error, Instant at, Instant now) {
    compensationAttempts++;
    compensationError = error;
    nextAttemptAt = at;
    if (compensationFirstFailureAt == null) {
      compensationFirstFailureAt = now;
    }
  }

  void compensationPause(String error, Instant at) {
    compensationError = error;
    nextAttemptAt = at;
  }

  void compensationFailed(String error) {
    status = StepStatus.FAILED;
    compensationAttempts++;
    compensationError = error;
    nextAttemptAt = null;
  }

  void resetCompensationAttempts() {
    compensationAttempts = 0;
    compensationFirstFailureAt = null;
  }
}
