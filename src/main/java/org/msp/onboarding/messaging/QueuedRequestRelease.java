package org.msp.onboarding.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.msp.onboarding.persistence.SagaIntakeStore;
import org.msp.onboarding.persistence.SagaJson;
import org.msp.onboarding.runner.SagaIntake;
import org.msp.onboarding.runner.SagaRunner;

/**
 * Starts a client's queued request once its earlier saga has ended, one client at a time in the
 * order the requests arrived. One that is refused then (an update behind an onboarding that was
 * rolled back) goes to the dead-letter topic with the reason, as it would have on arrival.
 */
@ApplicationScoped
public class QueuedRequestRelease {
  private static final Logger LOG = Logger.getLogger(QueuedRequestRelease.class);
  private static final int BATCH = 50;

  private final SagaIntake intake;
  private final SagaRunner runner;
  private final DeadLetters deadLetters;
  private final SagaJson json;
  private volatile boolean stopping;

  public QueuedRequestRelease(
      SagaIntake intake, SagaRunner runner, DeadLetters deadLetters, SagaJson json) {
    this.intake = intake;
    this.runner = runner;
    this.deadLetters = deadLetters;
    this.json = json;
  }

  @Scheduled(
      every = "${onboarding.queue.release-interval:PT1S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void releaseDue() {
    if (stopping) {
      return;
    }
    try {
      if (release()) {
        runner.wake();
      }
    } catch (RuntimeException e) {
      // PostgreSQL or Kafka away: the requests stay queued and the next run tries again
      LOG.warnf("queued requests not released this time: %s", e.getMessage());
    }
  }

  /** The database and broker close during shutdown: no more releases then. */
  void onShutdown(@Observes ShutdownEvent event) {
    stopping = true;
  }

  private boolean release() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<SagaIntake.Released> released = intake.releaseDue(BATCH);
              List<DeadLetters.Letter> refused = new ArrayList<>();
              for (SagaIntake.Released r : released) {
                if (r.result().verdict() == SagaIntake.Verdict.REFUSED) {
                  refused.add(letter(r));
                } else {
                  LOG.infof(
                      "queued event %s of client %s started",
                      r.queued().request().eventId(), r.queued().request().clientId());
                }
              }
              // sent before the commit takes them off the queue: a failed commit sends again
              deadLetters.sendAll(refused);
              return released.size() > refused.size();
            });
  }

  /**
   * The request as it was queued, in place of the record it came in (gone from the poll), under
   * that record's partition and offset (-1 for a request queued before they were kept).
   */
  private DeadLetters.Letter letter(SagaIntake.Released released) {
    var request = released.queued().request();
    SagaIntakeStore.Origin origin = released.queued().origin();
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(
            Topics.REQUESTS,
            origin == null ? -1 : origin.partition(),
            origin == null ? -1L : origin.offset(),
            request.clientId(),
            json.write(request).getBytes(StandardCharsets.UTF_8));
    return new DeadLetters.Letter(
        record,
        released.result().refusal().deadLetterReason()
            + " (the request had waited for the client's earlier saga)");
  }
}
