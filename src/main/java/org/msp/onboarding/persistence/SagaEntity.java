package org.msp.onboarding.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.msp.onboarding.saga.FailureCode;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.saga.StepName;

/** One onboarding saga. State changes only through the intention methods below. */
@Entity
@Table(name = "saga")
public class SagaEntity extends PanacheEntityBase {
  @Id public UUID id;

  /** Insertion order, for newest-first paging; assigned by the database. */
  @Column(insertable = false, updatable = false)
  public Long seq;

  public String eventId;
  public String clientId;
  public String organizationName;

  @Enumerated(EnumType.STRING)
  public SagaStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  public String request;

  @JdbcTypeCode(SqlTypes.JSON)
  public String data;

  public Long organizationId;

  @Enumerated(EnumType.STRING)
  public FailureCode failureCode;

  public String failureReason;

  /**
   * Why the rollback runs: kept while a FAILED rollback shows COMPENSATION_FAILED, restored when it
   * resumes.
   */
  @Enumerated(EnumType.STRING)
  public FailureCode rollbackCode;

  public String rollbackReason;

  /** The FAILED record a resumed rollback replaced: "COMPENSATION_FAILED: what was left". */
  public String earlierFailure;

  /**
   * W3C trace context of the record that started the saga; its steps' NinjaOne calls continue that
   * trace.
   */
  public String traceparent;

  public boolean compensationRequested;
  public Instant nextAttemptAt;
  public String leaseOwner;
  public Instant leaseUntil;

  /**
   * Grows with each claim; a worker holding an older epoch was superseded and may change nothing.
   */
  public long leaseEpoch;

  /** Consecutive outcomes that could not be recorded for a reason retrying will not cure. */
  public int recordFailures;

  /**
   * Set when too many outcomes in a row could not be recorded: no claim takes the saga until an
   * operator acts.
   */
  public String haltedReason;

  public Instant createdAt;
  public Instant updatedAt;
  public Instant finishedAt;

  @Version public long version;

  @OneToMany(mappedBy = "saga", cascade = CascadeType.ALL)
  @OrderBy("position")
  public List<SagaStepEntity> steps = new ArrayList<>();

  /**
   * Status events raised by the intention methods, written to the outbox in the same transaction.
   */
  @Transient public final List<SagaEvent> raised = new ArrayList<>();

  public static SagaEntity start(
      UUID id,
      String eventId,
      String clientId,
      String organizationName,
      String requestJson,
      Instant now) {
    SagaEntity saga = new SagaEntity();
    saga.id = id;
    saga.eventId = eventId;
    saga.clientId = clientId;
    saga.organizationName = organizationName;
    saga.status = SagaStatus.RUNNING;
    saga.request = requestJson;
    saga.data = "{}";
    saga.nextAttemptAt = now;
    saga.createdAt = now;
    saga.updatedAt = now;
    saga.raised.add(SagaEvent.of("SagaStarted", null));
    return saga;
  }

  public SagaStepEntity addStep(StepName name, boolean hasWork) {
    SagaStepEntity step = SagaStepEntity.of(this, name, hasWork);
    steps.add(step);
    return step;
  }

  public SagaStepEntity step(StepName name) {
    return steps.stream().filter(s -> s.name == name).findFirst().orElseThrow();
  }

  /** The first step that has not run to its end, or null when all have. */
  public SagaStepEntity nextForwardStep() {
    return steps.stream().filter(SagaStepEntity::isUnfinished).findFirst().orElse(null);
  }

  /** The last step (in forward order) whose effects still need undoing, or null. */
  public SagaStepEntity nextStepToCompensate() {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i).needsCompensation()) {
        return steps.get(i);
      }
    }
    return null;
  }

  public boolean isDue(Instant now) {
    return status.isActive() && !nextAttemptAt.isAfter(now);
  }

  public void scheduleAt(Instant at) {
    nextAttemptAt = at;
    updatedAt = Instant.now();
  }

  public void complete(Instant now) {
    status = SagaStatus.COMPLETED;
    finishedAt = now;
    updatedAt = now;
    raised.add(SagaEvent.of("SagaCompleted", null));
  }

  /** Stops going forward; the steps that ran are undone in reverse order from now on. */
  public void beginCompensation(FailureCode code, String reason, Instant now) {
    for (SagaStepEntity step : steps) {
      step.stopForward(reason);
    }
    status = SagaStatus.COMPENSATING;
    failureCode = code;
    failureReason = reason;
    rollbackCode = code;
    rollbackReason = reason;
    compensationRequested = false;
    nextAttemptAt = now;
    updatedAt = now;
  }

  public void compensated(Instant now) {
    status = SagaStatus.COMPENSATED;
    finishedAt = now;
    updatedAt = now;
    raised.add(SagaEvent.of("SagaCompensated", failureCode + ": " + failureReason));
  }

  /** The rollback could not finish: an operator must act; the reason says what is left. */
  public void fail(String whatIsLeft, Instant now) {
    status = SagaStatus.FAILED;
    failureReason =
        (failureCode == null ? "" : failureCode + ": " + failureReason + ". ") + whatIsLeft;
    failureCode = FailureCode.COMPENSATION_FAILED;
    finishedAt = now;
    updatedAt = now;
    raised.add(SagaEvent.of("SagaFailed", failureReason));
  }

  /**
   * An operator's retry of a FAILED saga resumes the rollback where it stopped. The saga says again
   * why it is rolled back; the FAILED record stays visible as the earlier failure.
   */
  public void resumeCompensation(Instant now) {
    steps.forEach(SagaStepEntity::resetCompensationAttempts);
    if (status == SagaStatus.FAILED && rollbackCode != null) {
      earlierFailure = failureCode + ": " + failureReason;
      failureCode = rollbackCode;
      failureReason = rollbackReason;
    }
    status = SagaStatus.COMPENSATING;
    finishedAt = null;
    nextAttemptAt = now;
    updatedAt = now;
  }

  public void acquireLease(String owner, Instant until) {
    leaseOwner = owner;
    leaseUntil = until;
  }

  public void releaseLease() {
    leaseOwner = null;
    leaseUntil = null;
  }

  /** The claim with this epoch is still the saga's current one, and it is ours. */
  public boolean isLeasedBy(String owner, long epoch) {
    return owner.equals(leaseOwner) && leaseEpoch == epoch;
  }

  /** An outcome was recorded: earlier failures to record no longer count. */
  public void outcomeRecorded() {
    recordFailures = 0;
  }

  public boolean isHalted() {
    return haltedReason != null;
  }

  /** An operator acted on a halted saga: it may be claimed again, with a fresh count. */
  public void clearHalt() {
    recordFailures = 0;
    haltedReason = null;
  }
}
