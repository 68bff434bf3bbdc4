package org.msp.onboarding.runner;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.msp.onboarding.persistence.SagaIntakeStore;
import org.msp.onboarding.saga.SagaEngine;
import org.msp.onboarding.saga.request.OnboardingRequest;

/** Turns accepted requests into new sagas; runs inside the consumer's transaction. */
@ApplicationScoped
public class SagaIntake {
  public enum Result {
    ACCEPTED,
    DUPLICATE,
    CLIENT_BUSY
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
   * Idempotent on eventId; refuses a second saga for a client whose saga still runs. A batch costs
   * two lookups whatever its size; a request is checked against the earlier ones of its batch too.
   */
  public List<Result> acceptAll(List<Request> requests) {
    Set<String> seenEvents =
        store.processedEvents(requests.stream().map(r -> r.request().eventId()).toList());
    Set<String> busyClients =
        store.busyClients(requests.stream().map(r -> r.request().clientId()).toList());
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
        store.insert(engine.start(UUID.randomUUID(), request, now), r.traceparent(), now);
        results.add(Result.ACCEPTED);
      }
    }
    store.flush();
    return results;
  }
}
