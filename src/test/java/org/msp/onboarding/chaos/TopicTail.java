package org.msp.onboarding.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from the beginning, for the length of the run, with a plain consumer that
 * assigns itself every partition (no group: nothing to rebalance or commit across the broker
 * restart). The record order within a partition is kept, which is what the per-client order check
 * needs.
 */
final class TopicTail implements AutoCloseable {

  /**
   * One record: its key, value as text, the header that explains a dead letter, and where it was.
   */
  record Entry(String key, String value, String deadLetterReason, int partition, long offset) {}

  private final String topic;
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<Entry> entries = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  TopicTail(String bootstrapServers, String topic) {
    this.topic = topic;
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "chaos-tail-" + topic);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
    consumer = new KafkaConsumer<>(config);
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread = new Thread(this::run, "chaos-tail-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  String topic() {
    return topic;
  }

  private void run() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          Header reason = record.headers().lastHeader("dead-letter-reason");
          Entry entry =
              new Entry(
                  record.key(),
                  record.value() == null
                      ? null
                      : new String(record.value(), StandardCharsets.UTF_8),
                  reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8),
                  record.partition(),
                  record.offset());
          synchronized (this) {
            entries.add(entry);
          }
        }
      }
    } catch (WakeupException e) {
      // close() woke us up: done
    } catch (RuntimeException e) {
      System.err.println("[chaos] reading " + topic + " stopped: " + e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
