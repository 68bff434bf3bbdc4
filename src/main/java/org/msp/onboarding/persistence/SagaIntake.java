package org.msp.onboarding.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.msp.onboarding.saga.SagaEngine;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.saga.request.OnboardingRequest;

/** Persists accepted requests as new sagas; runs inside the consumer's transaction. */
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

  public SagaIntake(
      EntityManager em, SagaEngine engine, SagaJson json, SagaProjections projections) {
    this.em = em;
    this.engine = engine;
    this.json = json;
    this.projections = projections;
  }

  /** An accepted request and the trace context it arrived with. */
  public record Request(OnboardingRequest request, String traceparent) {}

  /**
   * Idempotent on eventId; refuses a second saga for a client whose saga still runs. A batch costs
   * two lookups whatever its size; a request is checked against the earlier ones of its batch too.
   */
  public List<Result> acceptAll(List<Request> requests) {
    Set<String> seenEvents =
        new HashSet<>(
            em.createQuery(
                    "select p.eventId from ProcessedEventEntity p where p.eventId in :ids",
                    String.class)
                .setParameter(
                    "ids", requests.stream().map(r -> r.request().eventId()).distinct().toList())
                .getResultList());
    Set<String> busyClients =
        new HashSet<>(
            em.createQuery(
                    "select s.clientId from SagaEntity s where s.clientId in :ids and s.status in :active",
                    String.class)
                .setParameter(
                    "ids", requests.stream().map(r -> r.request().clientId()).distinct().toList())
                .setParameter("active", SagaStatus.activeStatuses())
                .getResultList());
    Instant now = Instant.now();
    List<Result> results = new ArrayList<>(requests.size());
    for (Request r : requests) {
      OnboardingRequest request = r.request();
      if (!seenEvents.add(request.eventId())) {
        results.add(Result.DUPLICATE);
      } else if (!busyClients.add(request.clientId())) {
        results.add(Result.CLIENT_BUSY);
        // not processed: the same event may be published again later
        seenEvents.remove(request.eventId());
      } else {
        start(request, r.traceparent(), now);
        results.add(Result.ACCEPTED);
      }
    }
    em.flush();
    return results;
  }

  private void start(OnboardingRequest request, String traceparent, Instant now) {
    SagaEntity saga =
        SagaEntity.start(
            UUID.randomUUID(),
            request.eventId(),
            request.clientId(),
            request.organization().name(),
            json.write(request),
            now);
    saga.traceparent = traceparent;
    engine.addSteps(saga, request);
    saga.persist();
    ProcessedEventEntity processed = new ProcessedEventEntity();
    processed.eventId = request.eventId();
    processed.sagaId = saga.id;
    processed.receivedAt = now;
    processed.persist();
    projections.publishRaised(saga, now);
  }
}
