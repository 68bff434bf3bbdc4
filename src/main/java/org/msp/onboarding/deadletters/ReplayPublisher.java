package org.msp.onboarding.deadletters;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.msp.onboarding.messaging.Topics;
import org.msp.onboarding.web.ProblemException;

/**
 * Publishes a replayed request to the request topic, as a publisher would, and waits for Kafka's
 * acknowledgement: the operator is told it was sent only once it is in the topic.
 */
@ApplicationScoped
public class ReplayPublisher {
  private static final long SEND_TIMEOUT_SECONDS = 15;

  private final Map<String, Object> kafkaConfig;
  private KafkaProducer<String, byte[]> producer;

  public ReplayPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
    this.kafkaConfig = kafkaConfig;
  }

  RecordMetadata publish(String key, byte[] value, Headers headers) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topics.REQUESTS, null, key, value, headers);
    try {
      return producer().send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw ProblemException.unavailable(
          "the replay could not be published to " + Topics.REQUESTS + ": " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProblemException.unavailable("interrupted while publishing the replay");
    }
  }

  private synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      Map<String, Object> config = new HashMap<>(kafkaConfig);
      config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      config.put(ProducerConfig.CLIENT_ID_CONFIG, "onboarding-dead-letter-replays");
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT_SECONDS * 1000);
      config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
      producer = new KafkaProducer<>(config);
    }
    return producer;
  }

  @PreDestroy
  synchronized void close() {
    if (producer != null) {
      producer.close();
    }
  }
}
