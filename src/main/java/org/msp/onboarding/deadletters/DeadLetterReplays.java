package org.msp.onboarding.deadletters;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.msp.onboarding.deadletters.DeadLetterViews.ReplayView;
import org.msp.onboarding.messaging.DeadLetterHeaders;
import org.msp.onboarding.messaging.InvalidRequestException;
import org.msp.onboarding.messaging.RequestParser;
import org.msp.onboarding.messaging.Topics;
import org.msp.onboarding.web.ProblemException;

/**
 * Replays a dead letter: its original key and headers (without the dead-letter ones), its own body
 * or a corrected one, plus headers saying which letter it replays and who replayed it. The body is
 * checked by the request parser first, as the consumer will check it: an invalid one is refused
 * here, and nothing is published, rather than dead-lettered again.
 */
@ApplicationScoped
public class DeadLetterReplays {
  private static final Logger LOG = Logger.getLogger(DeadLetterReplays.class);

  private final DeadLetterQueries letters;
  private final RequestParser parser;
  private final ReplayPublisher publisher;
  private final ReplayStore store;

  public DeadLetterReplays(
      DeadLetterQueries letters,
      RequestParser parser,
      ReplayPublisher publisher,
      ReplayStore store) {
    this.letters = letters;
    this.parser = parser;
    this.publisher = publisher;
    this.store = store;
  }

  /** {@code correctedBody} null or empty: the letter's own body. */
  ReplayView replay(DeadLetterId id, byte[] correctedBody, String operator) {
    ConsumerRecord<String, byte[]> record = letters.found(id);
    DeadLetter letter = LetterReading.summary(record);
    boolean corrected = correctedBody != null && correctedBody.length > 0;
    if (!corrected && letter.truncated()) {
      throw ProblemException.conflict(
          "dead letter "
              + id
              + " keeps only the first "
              + letter.size()
              + " of "
              + letter.originalSize()
              + " bytes of its record: replay it with a corrected body");
    }
    byte[] body = corrected ? correctedBody : record.value();
    Headers headers = replayHeaders(record, id, operator);
    String eventId = validEventId(record.key(), body, headers);
    ReplayView done =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    publishAndRecord(
                        letter, record.key(), body, headers, corrected, eventId, operator));
    LOG.infof(
        "dead letter %s replayed by %s%s as event %s to %s-%d@%d",
        id,
        operator,
        corrected ? " with a corrected body" : "",
        eventId,
        Topics.REQUESTS,
        done.requestPartition(),
        done.requestOffset());
    return done;
  }

  /**
   * Recorded before it is sent (a database that refuses the row stops the replay) and committed
   * after Kafka acknowledged it (a failed send leaves no record).
   */
  private ReplayView publishAndRecord(
      DeadLetter letter,
      String key,
      byte[] body,
      Headers headers,
      boolean corrected,
      String eventId,
      String operator) {
    DeadLetterReplayEntity replay =
        store.begin(DeadLetterReplayEntity.of(letter, corrected, eventId, operator, Instant.now()));
    RecordMetadata sent = publisher.publish(key, body, headers);
    replay.landedAt(sent.partition(), sent.offset());
    return ReplayStore.view(replay);
  }

  private String validEventId(String key, byte[] body, Headers headers) {
    try {
      return parser.parse(key, body, headers).eventId();
    } catch (InvalidRequestException e) {
      throw ProblemException.unprocessable(
          "body", "the request would be dead-lettered again: " + e.getMessage());
    }
  }

  static Headers replayHeaders(ConsumerRecord<String, byte[]> record, DeadLetterId id, String by) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      String name = header.key();
      if (!name.startsWith(DeadLetterHeaders.PREFIX)
          && !name.equals(DeadLetterHeaders.REPLAY_OF)
          && !name.equals(DeadLetterHeaders.REPLAYED_BY)) {
        headers.add(header);
      }
    }
    headers.add(DeadLetterHeaders.REPLAY_OF, id.toString().getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetterHeaders.REPLAYED_BY, by.getBytes(StandardCharsets.UTF_8));
    return headers;
  }
}
