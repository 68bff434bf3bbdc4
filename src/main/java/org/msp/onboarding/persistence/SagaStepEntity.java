package org.msp.onboarding.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepStatus;

/** One step of a saga, with its forward and compensation attempts. */
@Entity
@Table(name = "saga_step")
public class SagaStepEntity extends PanacheEntityBase {
  @Id public UUID id;

  @ManyToOne
  @JoinColumn(name = "saga_id")
  public SagaEntity saga;

  public short position;

  @Enumerated(EnumType.STRING)
  public StepName name;

  @Enumerated(EnumType.STRING)
  public StepStatus status;

  public int attempts;
  public int compensationAttempts;
  public String lastError;
  public String compensationError;
  public Instant nextAttemptAt;
  public Instant startedAt;
  public Instant finishedAt;
  public Instant compensatedAt;

  /**
   * The first counted transient failure of the forward step: its retries end maxElapsed after it.
   */
  public Instant firstFailureAt;

  /** The same for the step's compensation. */
  public Instant compensationFirstFailureAt;

  static SagaStepEntity of(SagaEntity saga, StepName name, boolean hasWork) {
    SagaStepEntity step = new SagaStepEntity();
    step.id = UUID.randomUUID();
    step.saga = saga;
    step.position = (short) name.ordinal();
    step.name = name;
    step.status = hasWork ? StepStatus.PENDING : StepStatus.SKIPPED;
    return step;
  }

  boolean isUnfinished() {
    return status == StepStatus.PENDING
        || status == StepStatus.RUNNING
        || status == StepStatus.WAITING_RETRY;
  }

  /** A step that succeeded, or failed after calling NinjaOne (its call may have taken effect). */
  /**
   * A run that started counts even when its outcome was never recorded: the call may have taken
   * effect.
   */
  boolean needsCompensation() {
    return status == StepStatus.SUCCEEDED
        || (status == StepStatus.FAILED
            && (attempts > 0 || startedAt != null)
            && compensatedAt == null);
  }

  public void running(Instant now) {
    status = StepStatus.RUNNING;
    if (startedAt == null) {
      startedAt = now;
    }
  }

  public void succeeded(Instant now) {
    status = StepStatus.SUCCEEDED;
    attempts++;
    lastError = null;
    nextAttemptAt = null;
    finishedAt = now;
  }

  public void waitToRetry(String error, Instant at, Instant now) {
    status = StepStatus.WAITING_RETRY;
    attempts++;
    lastError = error;
    nextAttemptAt = at;
    if (firstFailureAt == null) {
      firstFailureAt = now;
    }
  }

  /**
   * NinjaOne is down for everyone: wait for it without counting an attempt or starting the failure
   * clock.
   */
  public void pause(String error, Instant at) {
    status = StepStatus.WAITING_RETRY;
    lastError = error;
    nextAttemptAt = at;
  }

  public void failed(String error, Instant now) {
    status = StepStatus.FAILED;
    attempts++;
    lastError = error;
    nextAttemptAt = null;
    finishedAt = now;
  }

  /**
   * A step interrupted by the rollback: it did not finish, and counts as failed if it had called
   * NinjaOne.
   */
  void stopForward(String reason) {
    if (status == StepStatus.RUNNING || status == StepStatus.WAITING_RETRY) {
      // RUNNING here means a run whose process died during the call: it may have created something.
      status =
          attempts > 0 || status == StepStatus.RUNNING ? StepStatus.FAILED : StepStatus.PENDING;
      nextAttemptAt = null;
      if (lastError == null && status == StepStatus.FAILED) {
        lastError = "stopped: " + reason;
      }
    }
  }

  public void compensated(Instant now) {
    status = StepStatus.COMPENSATED;
    compensationAttempts++;
    compensationError = null;
    nextAttemptAt = null;
    compensatedAt = now;
  }

  public void compensationWaitToRetry(String error, Instant at, Instant now) {
    compensationAttempts++;
    compensationError = error;
    nextAttemptAt = at;
    if (compensationFirstFailureAt == null) {
      compensationFirstFailureAt = now;
    }
  }

  /** As {@link #pause}, for the compensation. */
  public void compensationPause(String error, Instant at) {
    compensationError = error;
    nextAttemptAt = at;
  }

  public void compensationFailed(String error) {
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
