package org.msp.onboarding.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.msp.onboarding.it.Events;
import org.msp.onboarding.messaging.Topics;

/**
 * Publishes the run's requests at a steady pace, as a PSA would, so the faults land among sagas in
 * flight rather than on an idle or a finished system. Only a request Kafka acknowledged counts as
 * published: that is what the service must then never lose. A send that fails (the broker was down
 * longer than the producer waits) is sent again with the same eventId, which the service must treat
 * as the same request.
 */
final class RequestPublisher implements AutoCloseable {
  private static final int RESEND_ROUNDS = 5;

  private final KafkaProducer<String, byte[]> producer;
  private final int count;
  private final Duration window;
  private final Map<String, Events.Event> published = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Events.Event> failed = new ConcurrentLinkedQueue<>();
  private final List<Events.Event> all = new ArrayList<>();
  private final AtomicInteger resent = new AtomicInteger();
  private final Thread thread;
  private volatile long finishedNanos;

  RequestPublisher(String bootstrapServers, int count, Duration window) {
    this.count = count;
    this.window = window;
    this.producer = new KafkaProducer<>(config(bootstrapServers));
    this.thread = new Thread(this::publishAll, "chaos-publisher");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Waits for the last acknowledgement (or the last failed resend). */
  void awaitDone(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
  }

  boolean done() {
    return !thread.isAlive();
  }

  /** Acknowledged by Kafka, by eventId. */
  Map<String, Events.Event> published() {
    return Map.copyOf(published);
  }

  /** Every request made, acknowledged or not. */
  synchronized List<Events.Event> requested() {
    return List.copyOf(all);
  }

  int resent() {
    return resent.get();
  }

  long finishedNanos() {
    return finishedNanos;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }

  private void publishAll() {
    long start = System.nanoTime();
    long interval = window.toNanos() / Math.max(1, count);
    for (int i = 0; i < count; i++) {
      sleepUntil(start + i * interval);
      Events.Event event = Events.newClient("chaos" + i);
      synchronized (this) {
        all.add(event);
      }
      send(event);
    }
    producer.flush();
    for (int round = 0; round < RESEND_ROUNDS && !failed.isEmpty(); round++) {
      List<Events.Event> again = new ArrayList<>();
      for (Events.Event event; (event = failed.poll()) != null; ) {
        again.add(event);
      }
      sleepUntil(System.nanoTime() + Duration.ofSeconds(2).toNanos());
      again.forEach(
          event -> {
            resent.incrementAndGet();
            send(event);
          });
      producer.flush();
    }
    finishedNanos = System.nanoTime();
  }

  private void send(Events.Event event) {
    producer.send(
        new ProducerRecord<>(Topics.REQUESTS, event.clientId(), event.bytes()),
        (metadata, error) -> {
          if (error == null) {
            published.put(event.eventId(), event);
          } else {
            failed.add(event);
          }
        });
  }

  private static void sleepUntil(long deadlineNanos) {
    long wait = deadlineNanos - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Properties config(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "chaos-publisher");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // A broker stop/start takes some seconds; the producer keeps the records and retries meanwhile.
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000);
    config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return config;
  }
}
