package org.msp.onboarding.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark's Kafka side: a fresh request topic per run (so no contender ever sees another
 * run's records, whatever offsets its group kept), a check that a consumer group holds every
 * partition before the clock starts, and the publisher.
 */
final class BenchKafka implements AutoCloseable {
  static final int PARTITIONS = 3;

  private final Admin admin;
  private final KafkaProducer<String, byte[]> producer;

  BenchKafka(String bootstrap) {
    admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000));
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
    producer = new KafkaProducer<>(config);
  }

  void createTopic(String name) {
    try {
      admin
          .createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topic " + name, e);
    }
  }

  /**
   * Waits until the group's members hold all partitions of the topic, i.e. records are consumed at
   * once.
   */
  void awaitAssigned(String group, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        ConsumerGroupDescription description =
            admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
        int assigned =
            description.members().stream()
                .mapToInt(m -> m.assignment().topicPartitions().size())
                .sum();
        if (assigned >= PARTITIONS) {
          return;
        }
      } catch (Exception e) {
        // not there yet
      }
      sleep(200);
    }
    throw new IllegalStateException(
        "consumer group " + group + " has not taken its partitions within " + timeout);
  }

  /**
   * Sends without waiting for each acknowledgement (a burst); returns the wall-clock time just
   * before sending.
   */
  long publish(String topic, String key, byte[] value) {
    long at = System.currentTimeMillis();
    producer.send(new ProducerRecord<>(topic, key, value));
    return at;
  }

  void flush() {
    producer.flush();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
