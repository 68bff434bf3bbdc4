package org.msp.onboarding.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.msp.onboarding.persistence.TransactionConnection;

/**
 * Relays outbox rows to client-onboarding-events, oldest first, at least once: their delete commits
 * only after Kafka acknowledged them. One relay at a time across instances (a PostgreSQL advisory
 * lock), so the order per client holds; each event carries its own id for consumers to drop a
 * repeat.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final long LOCK_KEY = 0x6f6e626f61726431L;
  private static final int BATCH = 200;

  private final TransactionConnection connection;
  private final Emitter<String> events;
  private final AtomicLong lagSeconds = new AtomicLong();
  private volatile boolean stopping;

  public OutboxRelay(
      TransactionConnection connection,
      @Channel(Topics.EVENTS_CHANNEL) Emitter<String> events,
      MeterRegistry registry) {
    this.connection = connection;
    this.events = events;
    Gauge.builder("onboarding.outbox.lag.seconds", lagSeconds, AtomicLong::get)
        .description("Age of the oldest status event not yet relayed to Kafka")
        .register(registry);
  }

  // The delay lets messaging connect its emitter first; the scheduler runs at most once a second
  // anyway.
  @Scheduled(
      every = "${onboarding.outbox.interval:PT1S}",
      delayed = "${onboarding.outbox.start-delay:PT5S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void relay() {
    if (stopping) {
      return; // the rows wait in the outbox for the next instance (or this one's restart)
    }
    try {
      while (QuarkusTransaction.requiringNew().timeout(60).call(this::relayBatch) == BATCH) {
        // a full batch: more may be waiting
      }
    } catch (RuntimeException e) {
      LOG.warnf("outbox relay paused, will retry: %s", e.toString());
    }
  }

  /**
   * The scheduler may still fire while the persistence unit is being closed: stop relaying first.
   */
  void stop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  private int relayBatch() {
    // Taken out of the outbox in this transaction, which commits only once Kafka acknowledged
    // every one of them: a failure rolls the delete back and the rows wait for the next run. One
    // statement, and exactly the rows sent (sequence numbers become visible out of order: a
    // transaction that took a lower seq may commit after this batch was read).
    List<Pending> batch = connection.run(c -> locked(c) ? takeOldest(c) : null);
    if (batch == null) {
      return 0; // another instance relays
    }
    updateLag(batch);
    if (batch.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    for (Pending event : batch) {
      acks.add(send(event));
    }
    try {
      CompletableFuture.allOf(acks.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Kafka did not acknowledge the status events: " + e.getMessage(), e);
    }
    return batch.size();
  }

  /** A status event taken from the outbox. */
  private record Pending(long seq, String clientId, String payload, Instant createdAt) {}

  private static boolean locked(Connection connection) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
      lock.setLong(1, LOCK_KEY);
      try (ResultSet row = lock.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  private static List<Pending> takeOldest(Connection connection) throws SQLException {
    List<Pending> batch = new ArrayList<>(BATCH);
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM outbox_event WHERE seq IN"
                + " (SELECT seq FROM outbox_event ORDER BY seq LIMIT ?)"
                + " RETURNING seq, client_id, payload, created_at")) {
      delete.setInt(1, BATCH);
      try (ResultSet rows = delete.executeQuery()) {
        while (rows.next()) {
          batch.add(
              new Pending(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getTimestamp(4).toInstant()));
        }
      }
    }
    batch.sort(Comparator.comparingLong(Pending::seq)); // RETURNING keeps no order
    return batch;
  }

  private CompletableFuture<Void> send(Pending event) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    Message<String> message =
        Message.of(event.payload())
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.clientId()).build())
            .withAck(
                () -> {
                  acked.complete(null);
                  return CompletableFuture.completedFuture(null);
                })
            .withNack(
                failure -> {
                  acked.completeExceptionally(failure);
                  return CompletableFuture.completedFuture(null);
                });
    events.send(message);
    return acked;
  }

  private void updateLag(List<Pending> batch) {
    lagSeconds.set(
        batch.isEmpty()
            ? 0
            : Math.max(
                0,
                java.time.Duration.between(batch.get(0).createdAt(), Instant.now()).toSeconds()));
  }
}
