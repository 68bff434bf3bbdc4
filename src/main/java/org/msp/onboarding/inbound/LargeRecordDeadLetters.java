package org.msp.onboarding.inbound;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Dead-letters records too large for SmallRye's dead-letter producer, which has Kafka's default 1 MiB request
 * limit and no compression. A record published compressed (the broker's limit applies to the compressed batch)
 * or close to 1 MiB could not be written there: the nack failed and the whole channel stopped, on every partition,
 * and again after each restart. This writes such records itself, gzip-compressed, with SmallRye's headers; if even
 * that does not fit the topic, it keeps the first bytes and says so, so the partition always moves on.
 */
@ApplicationScoped
public class LargeRecordDeadLetters {
  /** Key, value and headers above this go here: SmallRye's copy adds its own headers and must stay under 1 MiB. */
  static final int SMALLRYE_SAFE_BYTES = RequestParser.MAX_BYTES;
  static final int KEPT_WHEN_TRUNCATED = 64 * 1024;
  private static final int MAX_REQUEST_BYTES = 32 * 1024 * 1024;
  private static final long SEND_TIMEOUT_SECONDS = 120;

  private final Map<String, Object> kafkaConfig;
  private KafkaProducer<String, byte[]> producer;

  public LargeRecordDeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
    this.kafkaConfig = kafkaConfig;
  }

  static boolean tooLargeForSmallRye(ConsumerRecord<String, byte[]> record) {
    long size = record.value() == null ? 0 : record.value().length;
    size += record.key() == null ? 0 : record.key().getBytes(StandardCharsets.UTF_8).length;
    for (Header header : record.headers()) {
      size += header.key().length() + (header.value() == null ? 0 : header.value().length);
    }
    return size > SMALLRYE_SAFE_BYTES;
  }

  public void send(ConsumerRecord<String, byte[]> record, String reason) {
    try {
      write(record, record.value(), reason, false);
    } catch (RecordTooLargeException e) {
      byte[] value = record.value();
      byte[] head = value == null ? null : Arrays.copyOf(value, Math.min(KEPT_WHEN_TRUNCATED, value.length));
      write(record, head, reason + " (this dead letter keeps only the first " + (head == null ? 0 : head.length)
          + " bytes and none of the original headers: the whole record does not fit the dead-letter topic; read it"
          + " from " + record.topic() + "-" + record.partition() + "@" + record.offset() + ")", true);
    }
  }

  private void write(ConsumerRecord<String, byte[]> record, byte[] value, String reason, boolean truncated) {
    ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.REQUESTS_DLQ, record.key(), value);
    Headers headers = dead.headers();
    add(headers, "dead-letter-exception-class-name", InvalidRequestException.class.getName());
    add(headers, "dead-letter-reason", reason);
    add(headers, "dead-letter-topic", record.topic());
    add(headers, "dead-letter-partition", Integer.toString(record.partition()));
    add(headers, "dead-letter-offset", Long.toString(record.offset()));
    if (truncated) {
      add(headers, "dead-letter-original-size", Integer.toString(record.value() == null ? 0 : record.value().length));
    } else {
      record.headers().forEach(headers::add);
    }
    try {
      producer().send(dead).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
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

  /** Created on first use: most instances never see such a record. */
  private synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      Map<String, Object> config = new HashMap<>(kafkaConfig);
      config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      config.put(ProducerConfig.CLIENT_ID_CONFIG, "onboarding-large-dead-letters");
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
