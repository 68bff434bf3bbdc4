package org.msp.onboarding.runner;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.msp.onboarding.config.TemplateChoice;
import org.msp.onboarding.persistence.SagaIntakeStore;
import org.msp.onboarding.saga.Admission;
import org.msp.onboarding.saga.Admission.ClientStanding;
import org.msp.onboarding.saga.SagaDefinition;
import org.msp.onboarding.saga.SagaEngine;
import org.msp.onboarding.saga.request.ClientRequest;

/**
 * Turns requests into new sagas, queues those of a busy client, refuses what would break "one
 * client, one organization"; runs inside the caller's transaction.
 */
@ApplicationScoped
public class SagaIntake {
  public enum Verdict {
    ACCEPTED,
    /** Waits for the client's earlier saga or request: started when its turn comes. */
    QUEUED,
    DUPLICATE,
    /** Dead-lettered with {@link Result#refusal()}. */
    REFUSED
  }

  /** What became of one request; a refusal says why. */
  public record Result(Verdict verdict, Admission.Refuse refusal) {
    static final Result ACCEPTED = new Result(Verdict.ACCEPTED, null);
    static final Result QUEUED = new Result(Verdict.QUEUED, null);
    static final Result DUPLICATE = new Result(Verdict.DUPLICATE, null);
  }

  private final SagaIntakeStore store;
  private final SagaEngine engine;
  private final TemplateChoice templates;

  public SagaIntake(SagaIntakeStore store, SagaEngine engine, TemplateChoice templates) {
    this.store = store;
    this.engine = engine;
    this.templates = templates;
  }

  /**
   * An accepted request, the trace context it arrived with and where it was read (kept while it is
   * queued).
   */
  public record Request(ClientRequest request, String traceparent, SagaIntakeStore.Origin origin) {}

  /**
   * Idempotent on eventId. A request of a client whose saga still runs, or whose earlier request
   * waits, is queued behind them. A batch costs three lookups whatever its size; a request is
   * checked against the earlier ones of its batch too.
   */
  public List<Result> acceptAll(List<Request> requests) {
    Set<String> seenEvents =
        store.processedEvents(requests.stream().map(r -> r.request().eventId()).toList());
    Map<String, ClientStanding> standings =
        store.standings(requests.stream().map(r -> r.request().clientId()).toList());
    Instant now = Instant.now();
    List<Result> results = new ArrayList<>(requests.size());
    for (Request r : requests) {
      ClientRequest request = r.request();
      if (!seenEvents.add(request.eventId())) {
        results.add(Result.DUPLICATE);
        continue;
      }
      ClientStanding standing = standings.getOrDefault(request.clientId(), ClientStanding.NEW);
      Admission.Decision decision = Admission.decide(request, standing);
      if (decision instanceof Admission.Queue) {
        store.queue(request, r.traceparent(), r.origin(), now);
        results.add(Result.QUEUED);
      } else {
        results.add(admit(decision, r.traceparent(), now));
        if (decision instanceof Admission.Refuse) {
          // not processed: the same event may be published again later
          seenEvents.remove(request.eventId());
          continue;
        }
      }
      standings.put(request.clientId(), standing.busyNow());
    }
    store.flush();
    return results;
  }

  /** A queued request whose turn came, and what became of it. */
  public record Released(SagaIntakeStore.Queued queued, Result result) {}

  /**
   * Starts (or refuses) the queued requests whose turn has come: the oldest of each client whose
   * saga has ended. Locked rows: instances share the queue without doing one twice.
   */
  public List<Released> releaseDue(int limit) {
    List<SagaIntakeStore.Queued> due = store.due(limit);
    if (due.isEmpty()) {
      return List.of();
    }
    Map<String, ClientStanding> standings =
        store.standings(due.stream().map(q -> q.request().clientId()).toList());
    Instant now = Instant.now();
    List<Released> released = new ArrayList<>();
    for (SagaIntakeStore.Queued queued : due) {
      ClientRequest request = queued.request();
      // its own row made the client look busy: its turn has come, so only the history counts
      ClientStanding standing =
          new ClientStanding(
              false,
              standings.getOrDefault(request.clientId(), ClientStanding.NEW).lastCompleted());
      store.dequeue(queued.seq());
      released.add(
          new Released(
              queued, admit(Admission.decide(request, standing), queued.traceparent(), now)));
    }
    store.flush();
    return released;
  }

  private Result admit(Admission.Decision decision, String traceparent, Instant now) {
    if (decision instanceof Admission.Refuse refuse) {
      return new Result(Verdict.REFUSED, refuse);
    }
    Admission.Start start = (Admission.Start) decision;
    if (SagaDefinition.ONBOARDING.type().equals(start.sagaType())) {
      start =
          new Admission.Start(
              templates.apply(start.request()),
              start.sagaType(),
              start.organizationId(),
              start.organizationName(),
              start.managedTags());
    }
    store.insert(engine.start(UUID.randomUUID(), start, now), traceparent, now);
    return Result.ACCEPTED;
  }
}
