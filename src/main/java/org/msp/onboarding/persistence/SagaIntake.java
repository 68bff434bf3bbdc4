package org.msp.onboarding.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.msp.onboarding.saga.SagaEngine;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.saga.request.OnboardingRequest;

/** Persists an accepted request as a new saga; runs inside the consumer's transaction. */
@ApplicationScoped
public class SagaIntake {
  public enum Result {
    ACCEPTED,
    DUPLICATE,
    CLIENT_BUSY
  }

  private final EntityManager em;
  private final SagaEngine engine;
  private final SagaJson json;
  private final SagaProjections projections;

  public SagaIntake(EntityManager em, SagaEngine engine, SagaJson json, SagaProjections projections) {
    this.em = em;
    this.engine = engine;
    this.json = json;
    this.projections = projections;
  }

  /** Idempotent on eventId; refuses a second saga for a client whose saga still runs. */
  public Result accept(OnboardingRequest request, String traceparent) {
    if (ProcessedEventEntity.findById(request.eventId()) != null) {
      return Result.DUPLICATE;
    }
    if (SagaEntity.count(
            "clientId = ?1 and status in ?2", request.clientId(), SagaStatus.activeStatuses())
        > 0) {
      return Result.CLIENT_BUSY;
    }
    Instant now = Instant.now();
    SagaEntity saga =
        SagaEntity.start(
            UUID.randomUUID(), request.eventId(), request.clientId(), request.organization().name(),
            json.write(request), now);
    saga.traceparent = traceparent;
    engine.addSteps(saga, request);
    saga.persist();
    ProcessedEventEntity processed = new ProcessedEventEntity();
    processed.eventId = request.eventId();
    processed.sagaId = saga.id;
    processed.receivedAt = now;
    processed.persist();
    projections.publishRaised(saga, now);
    em.flush();
    return Result.ACCEPTED;
  }
}
