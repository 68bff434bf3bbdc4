package org.msp.onboarding.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.msp.onboarding.ops.SagaViews.SagaDetail;
import org.msp.onboarding.persistence.SagaIntakeStore;
import org.msp.onboarding.persistence.SagaRepository;
import org.msp.onboarding.saga.Admission;
import org.msp.onboarding.saga.Saga;
import org.msp.onboarding.saga.SagaDefinition;
import org.msp.onboarding.saga.SagaEngine;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.web.ProblemException;

/**
 * Operator actions. Each takes the saga's row lock, so it is ordered with the worker recording a
 * step; a worker in the middle of a step sees a rollback request when it records that step.
 */
@ApplicationScoped
public class SagaActions {
  private static final Logger LOG = Logger.getLogger(SagaActions.class);

  private final SagaRepository sagas;
  private final SagaIntakeStore intake;
  private final SagaEngine engine;
  private final SagaQueries queries;

  public SagaActions(
      SagaRepository sagas, SagaIntakeStore intake, SagaEngine engine, SagaQueries queries) {
    this.sagas = sagas;
    this.intake = intake;
    this.engine = engine;
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
    // a COMPLETED saga is not among the client's active ones: any active saga is another one
    if (saga.status() == SagaStatus.COMPLETED
        && !sagas.sagasOfClient(saga.clientId(), SagaStatus.activeStatuses()).isEmpty()) {
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

  /**
   * Runs a COMPENSATED saga's request again as a new saga (its own id, marker and history), once
   * its cause is fixed. Refused while the client has a saga running or rolling back, and once it
   * has a COMPLETED one: one client, one organization.
   */
  @Transactional
  public SagaDetail rerun(UUID id, String operator) {
    Saga saga = locked(id);
    if (saga.status() != SagaStatus.COMPENSATED) {
      throw ProblemException.conflict(
          "saga " + id + " is " + saga.status() + "; only a COMPENSATED saga can be run again");
    }
    Admission.ClientStanding standing =
        intake
            .standings(List.of(saga.clientId()))
            .getOrDefault(saga.clientId(), Admission.ClientStanding.NEW);
    boolean onboarding = SagaDefinition.ONBOARDING.type().equals(saga.type());
    List<UUID> blocking =
        sagas.sagasOfClient(
            saga.clientId(),
            onboarding
                ? List.of(SagaStatus.RUNNING, SagaStatus.COMPENSATING, SagaStatus.COMPLETED)
                : SagaStatus.activeStatuses());
    if (!blocking.isEmpty() || standing.busy()) {
      throw ProblemException.conflict(
          "client "
              + saga.clientId()
              + (blocking.isEmpty()
                  ? " has requests waiting for their turn"
                  : " already has saga " + blocking.get(0) + " running or completed")
              + "; a rerun would onboard it twice or overtake them");
    }
    Instant now = Instant.now();
    UUID rerunId = UUID.randomUUID();
    String eventId = "rerun-of-" + id + "-" + rerunId.toString().substring(0, 8);
    Admission.Decision decision = Admission.decide(saga.request().withEventId(eventId), standing);
    if (decision instanceof Admission.Refuse refuse) {
      throw ProblemException.conflict(refuse.deadLetterReason());
    }
    intake.insert(engine.start(rerunId, (Admission.Start) decision, now), null, now);
    intake.flush(); // sent now, so the view below reads it
    LOG.infof("saga %s runs again as saga %s, by %s", id, rerunId, operator);
    return queries.get(rerunId);
  }

  private Saga locked(UUID id) {
    return sagas.locked(id).orElseThrow(() -> ProblemException.notFound("no saga with id " + id));
  }
}
