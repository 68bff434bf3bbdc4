package org.msp.onboarding.saga;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.msp.onboarding.saga.request.ClientRequest;

/**
 * One saga: its request, its steps' state, its working data and where it stands. State changes only
 * through the transitions below, each of which records the events it produced.
 */
public final class Saga {
  private final UUID id;
  private final String type;
  private final String eventId;
  private final String clientId;
  private final String organizationName;
  private final ClientRequest request;
  private final Instant createdAt;
  private final List<StepState> steps;
  private final List<SagaEvent> raised = new ArrayList<>();
  private SagaData data;
  private SagaStatus status;
  private FailureCode failureCode;
  private String failureReason;

  /** Why the rollback runs: kept while a FAILED rollback shows COMPENSATION_FAILED. */
  private FailureCode rollbackCode;

  private String rollbackReason;

  /** The FAILED record a resumed rollback replaced: "COMPENSATION_FAILED: what was left". */
  private String earlierFailure;

  private boolean compensationRequested;
  private Instant nextAttemptAt;
  private int recordFailures;
  private String haltedReason;
  private Instant updatedAt;
  private Instant finishedAt;

  /** Storage's concurrency token: the revision this copy was read at. */
  private long version;

  private Saga(Snapshot s) {
    id = s.id();
    type = s.type();
    eventId = s.eventId();
    clientId = s.clientId();
    organizationName = s.organizationName();
    request = s.request();
    createdAt = s.createdAt();
    steps = new ArrayList<>(s.steps().stream().map(StepState::restore).toList());
    data = s.data();
    status = s.status();
    failureCode = s.failureCode();
    failureReason = s.failureReason();
    rollbackCode = s.rollbackCode();
    rollbackReason = s.rollbackReason();
    earlierFailure = s.earlierFailure();
    compensationRequested = s.compensationRequested();
    nextAttemptAt = s.nextAttemptAt();
    recordFailures = s.recordFailures();
    haltedReason = s.haltedReason();
    updatedAt = s.updatedAt();
    finishedAt = s.finishedAt();
    version = s.version();
  }

  /** Everything a saga holds, for storage and for views. */
  public record Snapshot(
      UUID id,
      String type,
      String eventId,
      String clientId,
      String organizationName,
      ClientRequest request,
      SagaData data,
      SagaStatus status,
      FailureCode failureCode,
      String failureReason,
      FailureCode rollbackCode,
      String rollbackReason,
      String earlierFailure,
      boolean compensationRequested,
      Instant nextAttemptAt,
      int recordFailures,
      String haltedReason,
      Instant createdAt,
      Instant updatedAt,
      Instant finishedAt,
      long version,
      List<StepState.Snapshot> steps) {

    public Long organizationId() {
      return data == null ? null : data.organizationId;
    }
  }

  /**
   * A new saga of this definition for an accepted request; a step the request gives nothing to do
   * is SKIPPED from the start.
   */
  static Saga start(
      SagaDefinition definition,
      UUID id,
      ClientRequest request,
      String organizationName,
      SagaData data,
      java.util.function.Predicate<StepName> hasWork,
      Instant now) {
    List<StepState.Snapshot> steps =
        definition.steps().stream().map(n -> new StepState(n, hasWork.test(n)).snapshot()).toList();
    Saga saga =
        new Saga(
            new Snapshot(
                id,
                definition.type(),
                request.eventId(),
                request.clientId(),
                organizationName,
                request,
                data,
                SagaStatus.RUNNING,
                null,
                null,
                null,
                null,
                null,
                false,
                now,
                0,
                null,
                now,
                now,
                null,
                0,
                steps));
    saga.raised.add(new SagaEvent.Started());
    return saga;
  }

  public static Saga restore(Snapshot snapshot) {
    return new Saga(snapshot);
  }

  public Snapshot snapshot() {
    return new Snapshot(
        id,
        type,
        eventId,
        clientId,
        organizationName,
        request,
        data,
        status,
        failureCode,
        failureReason,
        rollbackCode,
        rollbackReason,
        earlierFailure,
        compensationRequested,
        nextAttemptAt,
        recordFailures,
        haltedReason,
        createdAt,
        updatedAt,
        finishedAt,
        version,
        steps.stream().map(StepState::snapshot).toList());
  }

  public UUID id() {
    return id;
  }

  /** The saga's type: its definition's name. */
  public String type() {
    return type;
  }

  public String clientId() {
    return clientId;
  }

  public SagaStatus status() {
    return status;
  }

  public FailureCode failureCode() {
    return failureCode;
  }

  public String failureReason() {
    return failureReason;
  }

  public ClientRequest request() {
    return request;
  }

  public SagaData data() {
    return data;
  }

  public Long organizationId() {
    return data.organizationId;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public long version() {
    return version;
  }

  public boolean isHalted() {
    return haltedReason != null;
  }

  public List<StepState> steps() {
    return List.copyOf(steps);
  }

  public StepState step(StepName name) {
    return steps.stream().filter(s -> s.name() == name).findFirst().orElseThrow();
  }

  /** The events raised since they were last taken, in order; storage takes them when it writes. */
  public List<SagaEvent> takeRaised() {
    List<SagaEvent> events = List.copyOf(raised);
    raised.clear();
    return events;
  }

  /** Storage wrote this copy: it now stands for that revision. */
  public void stored(long newVersion) {
    version = newVersion;
  }

  // --- the transitions -------------------------------------------------------------------------

  boolean isDue(Instant now) {
    return status.isActive() && !nextAttemptAt.isAfter(now);
  }

  /** The first step that has not run to its end, or null when all have. */
  StepState nextForwardStep() {
    return steps.stream().filter(StepState::isUnfinished).findFirst().orElse(null);
  }

  /** The last step (in declared order) whose effects still need undoing, or null. */
  StepState nextStepToCompensate() {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i).needsCompensation()) {
        return steps.get(i);
      }
    }
    return null;
  }

  /** A step's outcome was stored with this data; earlier failures to store it no longer count. */
  void outcomeRecorded(SagaData newData, Instant now) {
    data = newData;
    recordFailures = 0;
    updatedAt = now;
  }

  /**
   * Due again at {@code at}. A saga due already stays due since when it was: its row's due index
   * entry is then left as it is (PostgreSQL can update the row in place), and it keeps its turn.
   */
  void scheduleAt(Instant at, Instant now) {
    if (at.isAfter(now) || nextAttemptAt.isAfter(now)) {
      nextAttemptAt = at;
    }
    updatedAt = now;
  }

  void raise(SagaEvent event) {
    raised.add(event);
  }

  void complete(Instant now) {
    status = SagaStatus.COMPLETED;
    finishedAt = now;
    updatedAt = now;
    raised.add(new SagaEvent.Completed());
  }

  /** Stops going forward; the steps that ran are undone in reverse order from now on. */
  void beginCompensation(FailureCode code, String reason, Instant now) {
    for (StepState step : steps) {
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

  /**
   * An operator asked for the rollback of a RUNNING saga: its worker starts it at its next turn.
   */
  boolean compensationRequested() {
    return compensationRequested;
  }

  void compensated(Instant now) {
    status = SagaStatus.COMPENSATED;
    finishedAt = now;
    updatedAt = now;
    raised.add(new SagaEvent.Compensated(failureCode + ": " + failureReason));
  }

  /** The rollback could not finish: an operator must act; the reason says what is left. */
  void fail(StepState step, String error, Instant now) {
    step.compensationFailed(error);
    String left =
        steps.stream()
            .filter(StepState::leftBehind)
            .map(s -> s.name().name())
            .collect(Collectors.joining(", "));
    String whatIsLeft =
        "Rollback of "
            + step.name()
            + " failed: "
            + error
            + ". Not rolled back: "
            + left
            + (organizationId() == null ? "" : " (organization " + organizationId() + ")");
    status = SagaStatus.FAILED;
    failureReason =
        (failureCode == null ? "" : failureCode + ": " + failureReason + ". ") + whatIsLeft;
    failureCode = FailureCode.COMPENSATION_FAILED;
    finishedAt = now;
    updatedAt = now;
    raised.add(new SagaEvent.Failed(failureReason));
  }

  // --- an operator's intentions ------------------------------------------------------------------

  /**
   * Retry: a halted saga runs its step again with a fresh count; a FAILED one resumes its rollback;
   * one waiting for a retry runs now. False when there is nothing to retry.
   */
  public boolean retry(Instant now) {
    if (isHalted()) {
      clearHalt();
      scheduleAt(now, now);
    } else if (status == SagaStatus.FAILED) {
      resumeCompensation(now);
    } else if (status.isActive() && nextAttemptAt.isAfter(now)) {
      scheduleAt(now, now);
    } else {
      return false;
    }
    return true;
  }

  /**
   * Rollback on an operator's word: a RUNNING saga starts it at its worker's next turn (a step in
   * flight finishes first), a FAILED one resumes it, a COMPLETED one starts it now. False for any
   * other status.
   */
  public boolean requestCompensation(Instant now) {
    switch (status) {
      case RUNNING -> {
        clearHalt(); // the rollback's own steps record other rows: worth a try
        compensationRequested = true;
        scheduleAt(now, now);
      }
      case FAILED -> resumeCompensation(now);
      case COMPLETED ->
          beginCompensation(
              FailureCode.OPERATOR_REQUESTED, "rollback requested by an operator", now);
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * An operator's retry of a FAILED saga resumes the rollback where it stopped. The saga says again
   * why it is rolled back; the FAILED record stays visible as the earlier failure.
   */
  private void resumeCompensation(Instant now) {
    steps.forEach(StepState::resetCompensationAttempts);
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

  /** An operator acted on a halted saga: it may be claimed again, with a fresh count. */
  private void clearHalt() {
    recordFailures = 0;
    haltedReason = null;
  }
}
