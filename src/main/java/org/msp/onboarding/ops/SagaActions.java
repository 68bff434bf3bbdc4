package org.msp.onboarding.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.msp.onboarding.ops.SagaViews.SagaDetail;
import org.msp.onboarding.persistence.SagaRepository;
import org.msp.onboarding.saga.Saga;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.web.ProblemException;

/**
 * Operator actions. Each takes the saga's row lock, so it is ordered with the worker recording a
 * step; a worker in the middle of a step sees a rollback request when it records that step.
 */
@ApplicationScoped
public class SagaActions {
  private final SagaRepository sagas;
  private final SagaQueries queries;

  public SagaActions(SagaRepository sagas, SagaQueries queries) {
    this.sagas = sagas;
    this.queries = queries;
  }

  /**
   * FAILED: resume the rollback. Halted (its outcome could not be recorded): run the step again,
   * with a fresh count. Waiting on a retry: run now. Anything else: nothing to retry.
   */
  @Transactional
  public SagaDetail retry(UUID id) {
    Saga saga = locked(id);
    Instant now = Instant.now();
    if (!saga.retry(now)) {
      throw ProblemException.conflict(
          "saga "
              + id
              + " is "
              + saga.status()
              + (saga.status().isActive() ? " and not waiting for a retry" : "")
              + "; only a FAILED saga or one waiting for a retry can be retried");
    }
    sagas.save(saga, now);
    return queries.get(id);
  }

  /** Rolls back a RUNNING, COMPLETED or FAILED saga on an operator's word. */
  @Transactional
  public SagaDetail compensate(UUID id) {
    Saga saga = locked(id);
    Instant now = Instant.now();
    if (saga.status() == SagaStatus.COMPLETED && sagas.otherActiveSaga(saga.clientId(), id)) {
      throw ProblemException.conflict(
          "client "
              + saga.clientId()
              + " has another running saga; roll this one back after that one has ended");
    }
    if (!saga.requestCompensation(now)) {
      throw ProblemException.conflict(
          "saga "
              + id
              + " is "
              + saga.status()
              + "; only RUNNING, COMPLETED or FAILED sagas can be rolled back");
    }
    sagas.save(saga, now);
    return queries.get(id);
  }

  private Saga locked(UUID id) {
    return sagas.locked(id).orElseThrow(() -> ProblemException.notFound("no saga with id " + id));
  }
}
