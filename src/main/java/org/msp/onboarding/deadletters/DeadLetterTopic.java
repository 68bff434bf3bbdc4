package org.msp.onboarding.deadletters;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.msp.onboarding.messaging.Topics;
import org.msp.onboarding.web.ProblemException;

/**
 * Reads the dead-letter topic itself, on demand: a consumer of its own per request, assigned to
 * partitions and seeking, with no consumer group (nothing is committed, no other reader is
 * disturbed). So every instance lists the same letters, whichever instance wrote them.
 */
@ApplicationScoped
public class DeadLetterTopic {
  /** Letters looked at per list request at most (a filter that matches little). */
  static final int SCAN_LIMIT = 5_000;

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, Object> kafkaConfig;

  public DeadLetterTopic(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
    this.kafkaConfig = kafkaConfig;
  }

  /** A page, newest first, from the cursor's bounds (null: from the newest letter). */
  NewestFirst.Page page(Map<Integer, Long> cursor, DeadLetterFilter filter, int pageSize) {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      // assigned before their offsets are asked (else a warning per partition), and paused: a
      // chunk resumes its own partition only, so no fetch is in flight for a partition not read
      consumer.assign(partitions);
      consumer.pause(partitions);
      Map<Integer, Long> begins = byPartition(consumer.beginningOffsets(partitions, WAIT));
      Map<Integer, Long> bounds =
          cursor != null ? cursor : byPartition(consumer.endOffsets(partitions, WAIT));
      long deadline = System.nanoTime() + WAIT.toNanos();
      return NewestFirst.page(
          (p, from, to) -> read(consumer, p, from, to, deadline),
          bounds,
          begins,
          filter,
          pageSize,
          SCAN_LIMIT);
    } catch (KafkaException e) {
      throw unavailable(e);
    }
  }

  /** The whole record of one letter, if the topic still holds it. */
  Optional<ConsumerRecord<String, byte[]>> record(DeadLetterId id) {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      TopicPartition tp = new TopicPartition(Topics.REQUESTS_DLQ, id.partition());
      if (!partitions(consumer).contains(tp)) {
        return Optional.empty();
      }
      consumer.assign(List.of(tp));
      if (id.offset() < consumer.beginningOffsets(List.of(tp), WAIT).get(tp)
          || id.offset() >= consumer.endOffsets(List.of(tp), WAIT).get(tp)) {
        return Optional.empty();
      }
      long deadline = System.nanoTime() + WAIT.toNanos();
      consumer.seek(tp, id.offset());
      while (consumer.position(tp) <= id.offset()) {
        checkDeadline(deadline);
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (record.offset() == id.offset()) {
            return Optional.of(record);
          }
        }
      }
      return Optional.empty(); // a gap: the offset held a transaction marker, or was compacted
    } catch (KafkaException e) {
      throw unavailable(e);
    }
  }

  private static List<DeadLetter> read(
      KafkaConsumer<String, byte[]> consumer, int partition, long from, long to, long deadline) {
    TopicPartition tp = new TopicPartition(Topics.REQUESTS_DLQ, partition);
    consumer.seek(tp, from);
    consumer.resume(List.of(tp));
    List<DeadLetter> letters = new ArrayList<>();
    while (consumer.position(tp) < to) {
      checkDeadline(deadline);
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        if (record.partition() == partition && record.offset() >= from && record.offset() < to) {
          letters.add(LetterReading.summary(record));
        }
      }
    }
    consumer.pause(List.of(tp));
    return letters;
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
    List<PartitionInfo> infos = consumer.partitionsFor(Topics.REQUESTS_DLQ, WAIT);
    return infos == null
        ? List.of()
        : infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
  }

  private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> offsets) {
    Map<Integer, Long> byPartition = new TreeMap<>();
    offsets.forEach((tp, offset) -> byPartition.put(tp.partition(), offset));
    return byPartition;
  }

  private static void checkDeadline(long deadline) {
    if (System.nanoTime() > deadline) {
      throw new org.apache.kafka.common.errors.TimeoutException(
          "reading " + Topics.REQUESTS_DLQ + " took longer than " + WAIT.toSeconds() + " s");
    }
  }

  private static ProblemException unavailable(KafkaException e) {
    return ProblemException.unavailable(
        "the dead-letter topic " + Topics.REQUESTS_DLQ + " could not be read: " + e.getMessage());
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Map<String, Object> config = new HashMap<>(kafkaConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG); // no group: nothing committed, nobody disturbed
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "onboarding-dead-letter-reader");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // a cursor below the topic's start (retention deleted those letters) reads from its start
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, NewestFirst.CHUNK);
    // a page keeps previews only; these bound what one fetch brings into the heap
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
    config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 2 * 1024 * 1024);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
    return new KafkaConsumer<>(config);
  }
}
