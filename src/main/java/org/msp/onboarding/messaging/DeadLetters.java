package org.msp.onboarding.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Writes refused records to the dead-letter topic: the original key, bytes and headers, plus the
 * reason and where the record came from (the header names SmallRye's dead-letter strategy uses, so
 * tooling reads both alike). The consumer takes records in batches, where SmallRye would
 * dead-letter a whole batch for one bad record; so every dead letter is written here, and
 * acknowledged by Kafka before the batch's offsets are committed. Compressed with a 32 MiB request
 * limit: a record published compressed, or close to the broker's 1 MiB limit, still fits; one that
 * does not is cut to its first bytes, and the letter says so, so the partition moves on.
 */
@ApplicationScoped
public class DeadLetters {
  private static final Logger LOG = Logger.getLogger(DeadLetters.class);
  static final int KEPT_WHEN_TRUNCATED = 64 * 1024;
  private static final int MAX_REQUEST_BYTES = 32 * 1024 * 1024;
  private static final long SEND_TIMEOUT_SECONDS = 120;

  /** A refused record and why. */
  public record Letter(ConsumerRecord<String, byte[]> record, String reason) {}

  private final Map<String, Object> kafkaConfig;
  private final IntakeMetrics metrics;
  private KafkaProducer<String, byte[]> producer;

  public DeadLetters(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, IntakeMetrics metrics) {
    this.kafkaConfig = kafkaConfig;
    this.metrics = metrics;
  }

  /** Sends all letters at once and returns when Kafka has acknowledged every one. */
  public void sendAll(List<Letter> letters) {
    if (letters.isEmpty()) {
      return;
    }
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (Letter letter : letters) {
      ConsumerRecord<String, byte[]> record = letter.record();
      LOG.warnf(
          "record %s-%d@%d to the DLQ: %s",
          record.topic(), record.partition(), record.offset(), letter.reason());
      sent.add(producer().send(letter(record, record.value(), letter.reason(), false)));
    }
    for (int i = 0; i < letters.size(); i++) {
      try {
        await(sent.get(i));
      } catch (RecordTooLargeException e) {
        await(producer().send(truncated(letters.get(i))));
      }
      metrics.deadLettered();
    }
  }

  private static ProducerRecord<String, byte[]> truncated(Letter letter) {
    ConsumerRecord<String, byte[]> record = letter.record();
    byte[] value = record.value();
    byte[] head =
        value == null ? null : Arrays.copyOf(value, Math.min(KEPT_WHEN_TRUNCATED, value.length));
    String reason =
        letter.reason()
            + " (this dead letter keeps only the first "
            + (head == null ? 0 : head.length)
            + " bytes and none of the original headers: the whole record does not fit the dead-letter topic; read it"
            + " from "
            + record.topic()
            + "-"
            + record.partition()
            + "@"
            + record.offset()
            + ")";
    return letter(record, head, reason, true);
  }

  private static ProducerRecord<String, byte[]> letter(
      ConsumerRecord<String, byte[]> record, byte[] value, String reason, boolean truncated) {
    ProducerRecord<String, byte[]> dead =
        new ProducerRecord<>(Topics.REQUESTS_DLQ, record.key(), value);
    Headers headers = dead.headers();
    if (truncated) {
      add(
          headers,
          "dead-letter-original-size",
          Integer.toString(record.value() == null ? 0 : record.value().length));
    } else {
      record.headers().forEach(headers::add);
    }
    add(headers, "dead-letter-exception-class-name", InvalidRequestException.class.getName());
    add(headers, "dead-letter-reason", reason);
    add(headers, DeadLetterHeaders.REASON_CODE, DeadLetterReasonCode.of(reason));
    add(headers, "dead-letter-topic", record.topic());
    add(headers, "dead-letter-partition", Integer.toString(record.partition()));
    add(headers, "dead-letter-offset", Long.toString(record.offset()));
    return dead;
  }

  private static void await(Future<RecordMetadata> sending) {
    try {
      sending.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RecordTooLargeException tooLarge) {
        throw tooLarge;
      }
      throw new IllegalStateException("could not write to " + Topics.REQUESTS_DLQ, e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("writing to " + Topics.REQUESTS_DLQ + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + Topics.REQUESTS_DLQ, e);
    }
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      Map<String, Object> config = new HashMap<>(kafkaConfig);
      config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      config.put(ProducerConfig.CLIENT_ID_CONFIG, "onboarding-dead-letters");
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
      config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
      config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * MAX_REQUEST_BYTES);
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
