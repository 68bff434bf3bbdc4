package org.msp.onboarding.harness;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the broker harness: topics, produce/consume, and that data survives a SIGKILL and restart.
 */
class KafkaBrokerProcessIT {

  private static final String TOPIC = "harness-it";

  private static KafkaBrokerProcess broker;

  @BeforeAll
  static void startBroker() {
    Path workDir =
        Paths.get(
            System.getProperty("it.work.dir", "target/it"),
            "kafka-broker-it-" + System.currentTimeMillis());
    long started = System.nanoTime();
    broker = KafkaBrokerProcess.start(workDir);
    System.out.printf(
        "[harness] KafkaBrokerProcess.start (format + launch) took %d ms%n",
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      long started = System.nanoTime();
      broker.close();
      System.out.printf(
          "[harness] graceful stop took %d ms%n",
          Duration.ofNanos(System.nanoTime() - started).toMillis());
      assertFalse(broker.isAlive());
    }
  }

  @Test
  void recordSurvivesKillAndRestart() throws Exception {
    broker.createTopics(3, TOPIC);
    broker.createTopics(
        3, TOPIC); // idempotent: the second call finds the topic and leaves it alone
    assertEquals(3, partitionCount());

    produce("customer-42", "onboarding-started");
    assertTrue(readAll().contains("customer-42=onboarding-started"));

    String addressBefore = broker.bootstrapServers();
    broker.kill();
    assertFalse(broker.isAlive());
    broker.restart();

    assertEquals(addressBefore, broker.bootstrapServers());
    assertTrue(broker.isAlive());
    assertTrue(readAll().contains("customer-42=onboarding-started"));
  }

  private int partitionCount() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      return admin
          .describeTopics(List.of(TOPIC))
          .allTopicNames()
          .get()
          .get(TOPIC)
          .partitions()
          .size();
    }
  }

  private void produce(String key, String value) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
    }
  }

  /** Reads every partition from the beginning with an assigned (group-less) consumer. */
  private List<String> readAll() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          List.of(
              new TopicPartition(TOPIC, 0),
              new TopicPartition(TOPIC, 1),
              new TopicPartition(TOPIC, 2));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await("record in " + TOPIC)
          .atMost(Duration.ofSeconds(30))
          .pollInSameThread()
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                  seen.add(r.key() + "=" + r.value());
                }
                return !seen.isEmpty();
              });
    }
    return seen;
  }
}
