package org.msp.onboarding.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.msp.onboarding.ops.SagaViews.SagaDetail;
import org.msp.onboarding.persistence.SagaEntity;
import org.msp.onboarding.saga.FailureCode;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.web.ProblemException;

/**
 * Operator actions. Each takes the saga's row lock, so it is ordered with the worker recording a
 * step; a worker in the middle of a step sees a rollback request when it records that step.
 */
@ApplicationScoped
public class SagaActions {
  private final EntityManager em;
  private final SagaQueries queries;

  public SagaActions(EntityManager em, SagaQueries queries) {
    this.em = em;
    this.queries = queries;
  }

  /**
   * FAILED: resume the rollback. Halted (its outcome could not be recorded): run the step again,
   * with a fresh count. Waiting on a retry: run now. Anything else: nothing to retry.
   */
  @Transactional
  public SagaDetail retry(UUID id) {
    SagaEntity saga = locked(id);
    Instant now = Instant.now();
    if (saga.isHalted()) {
      saga.clearHalt();
      saga.scheduleAt(now);
    } else if (saga.status == SagaStatus.FAILED) {
      saga.resumeCompensation(now);
    } else if (saga.status.isActive() && saga.nextAttemptAt.isAfter(now)) {
      saga.scheduleAt(now);
    } else {
      throw ProblemException.conflict(
          "saga "
              + id
              + " is "
              + saga.status
              + (saga.status.isActive() ? " and not waiting for a retry" : "")
              + "; only a FAILED saga or one waiting for a retry can be retried");
    }
    return queries.detail(saga);
  }

  /** Rolls back a RUNNING, COMPLETED or FAILED saga on an operator's word. */
  @Transactional
  public SagaDetail compensate(UUID id) {
    SagaEntity saga = locked(id);
    Instant now = Instant.now();
    switch (saga.status) {
      case RUNNING -> {
        saga.clearHalt(); // the rollback's own steps record other rows: worth a try
        saga.compensationRequested = true;
        saga.scheduleAt(now);
      }
      case FAILED -> saga.resumeCompensation(now);
      case COMPLETED -> {
        requireNoOtherActiveSaga(saga);
        saga.beginCompensation(
            FailureCode.OPERATOR_REQUESTED, "rollback requested by an operator", now);
      }
      default ->
          throw ProblemException.conflict(
              "saga "
                  + id
                  + " is "
                  + saga.status
                  + "; only RUNNING, COMPLETED or FAILED sagas can be rolled back");
    }
    return queries.detail(saga);
  }

  private void requireNoOtherActiveSaga(SagaEntity saga) {
    long active =
        SagaEntity.count(
            "clientId = ?1 and id <> ?2 and status in ?3",
            saga.clientId,
            saga.id,
            List.of(SagaStatus.RUNNING, SagaStatus.COMPENSATING));
    if (active > 0) {
      throw ProblemException.conflict(
          "client "
              + saga.clientId
              + " has another running saga; roll this one back after that one has ended");
    }
  }

  private SagaEntity locked(UUID id) {
    SagaEntity saga = em.find(SagaEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (saga == null) {
      throw ProblemException.notFound("no saga with id " + id);
    }
    return saga;
  }
}
