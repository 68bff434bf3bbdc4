package org.msp.onboarding.runner;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.msp.onboarding.persistence.SagaIntakeStore;
import org.msp.onboarding.saga.SagaEngine;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.saga.request.OnboardingRequest;

/** Turns accepted requests into new sagas; runs inside the consumer's transaction. */
@ApplicationScoped
public class SagaIntake {
  public enum Verdict {
    ACCEPTED,
    DUPLICATE,
    CLIENT_BUSY,
    /** The client has a COMPLETED onboarding: a second one would create a second organization. */
    ALREADY_ONBOARDED
  }

  /** What became of one request; {@code blocking} is the saga that refused it, if one did. */
  public record Result(Verdict verdict, SagaIntakeStore.ClientSaga blocking) {
    static final Result ACCEPTED = new Result(Verdict.ACCEPTED, null);
    static final Result DUPLICATE = new Result(Verdict.DUPLICATE, null);
  }

  private final SagaIntakeStore store;
  private final SagaEngine engine;

  public SagaIntake(SagaIntakeStore store, SagaEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  /** An accepted request and the trace context it arrived with. */
  public record Request(OnboardingRequest request, String traceparent) {}

  /**
   * Idempotent on eventId; refuses a second saga for a client whose saga still runs, and a second
   * onboarding of a client whose onboarding COMPLETED (it would create a second organization). A
   * batch costs two lookups whatever its size; a request is checked against the earlier ones of its
   * batch too.
   */
  public List<Result> acceptAll(List<Request> requests) {
    Set<String> seenEvents =
        store.processedEvents(requests.stream().map(r -> r.request().eventId()).toList());
    Map<String, SagaIntakeStore.ClientSaga> blocking = new HashMap<>();
    for (SagaIntakeStore.ClientSaga saga :
        store.blockingSagas(requests.stream().map(r -> r.request().clientId()).toList())) {
      // a running saga decides before a completed one: the request must wait for it either way
      blocking.merge(saga.clientId(), saga, (a, b) -> a.status().isActive() ? a : b);
    }
    Instant now = Instant.now();
    List<Result> results = new ArrayList<>(requests.size());
    for (Request r : requests) {
      OnboardingRequest request = r.request();
      if (!seenEvents.add(request.eventId())) {
        results.add(Result.DUPLICATE);
      } else if (blocking.containsKey(request.clientId())) {
        SagaIntakeStore.ClientSaga saga = blocking.get(request.clientId());
        results.add(
            new Result(
                saga.status().isActive() ? Verdict.CLIENT_BUSY : Verdict.ALREADY_ONBOARDED, saga));
        // not processed: the same event may be published again later
        seenEvents.remove(request.eventId());
      } else {
        UUID id = UUID.randomUUID();
        store.insert(engine.start(id, request, now), r.traceparent(), now);
        blocking.put(
            request.clientId(),
            new SagaIntakeStore.ClientSaga(request.clientId(), SagaStatus.RUNNING, id, null));
        results.add(Result.ACCEPTED);
      }
    }
    store.flush();
    return results;
  }
}
