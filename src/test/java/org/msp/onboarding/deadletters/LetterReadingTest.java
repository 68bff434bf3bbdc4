package org.msp.onboarding.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** What a dead letter says, read from its record; and the headers its replay carries. */
class LetterReadingTest {

  private static ConsumerRecord<String, byte[]> letter(byte[] value, String... headers) {
    RecordHeaders recordHeaders = new RecordHeaders();
    for (int i = 0; i < headers.length; i += 2) {
      recordHeaders.add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return new ConsumerRecord<>(
        "client-onboarding-requests-dlq",
        2,
        17,
        1_700_000_000_000L,
        TimestampType.CREATE_TIME,
        0,
        value == null ? 0 : value.length,
        "CW-1",
        value,
        recordHeaders,
        Optional.empty());
  }

  @Test
  void aLetterWithoutAReasonCodeHeaderGetsItsCodeFromTheReason() {
    DeadLetter read =
        LetterReading.summary(
            letter(
                "{ \"eventId\":\n \"e-1\" }".getBytes(StandardCharsets.UTF_8),
                "dead-letter-reason",
                "CLIENT_BUSY: client CW-1 already has a running saga",
                "dead-letter-topic",
                "client-onboarding-requests",
                "dead-letter-partition",
                "1",
                "dead-letter-offset",
                "42"));
    assertEquals("2-17", read.id().toString());
    assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), read.deadLetteredAt());
    assertEquals("CLIENT_BUSY", read.reasonCode());
    assertEquals(new DeadLetter.Origin("client-onboarding-requests", 1, 42L), read.origin());
    assertEquals("{ \"eventId\": \"e-1\" }", read.preview(), "on one line");
    assertFalse(read.truncated());
  }

  @Test
  void theWrittenReasonCodeWinsAndATruncatedLetterSaysItsOriginalSize() {
    DeadLetter read =
        LetterReading.summary(
            letter(
                new byte[10],
                "dead-letter-reason",
                "something reworded",
                "dead-letter-reason-code",
                "TOO_LARGE",
                "dead-letter-original-size",
                "2000000",
                "dead-letter-partition",
                "not a number"));
    assertEquals("TOO_LARGE", read.reasonCode());
    assertTrue(read.truncated());
    assertEquals(2_000_000, read.originalSize());
    assertNull(read.origin().partition(), "a damaged header is left out, not a failure");
  }

  @Test
  void aLongBodyIsPreviewedByItsStart() {
    String body = "x".repeat(5_000);
    String preview = LetterReading.preview(body.getBytes(StandardCharsets.UTF_8));
    assertEquals(LetterReading.PREVIEW_CHARS + 1, preview.length());
    assertTrue(preview.endsWith("…"));
    assertEquals("", LetterReading.preview(null));
  }

  @Test
  void aReplayKeepsTheOriginalHeadersAndSaysWhichLetterAndWhoButDropsTheDeadLetterOnes() {
    ConsumerRecord<String, byte[]> again =
        letter(
            new byte[0],
            "traceparent",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "replay-of-dead-letter",
            "0-3",
            "replayed-by",
            "earlier-operator",
            "dead-letter-reason",
            "CLIENT_BUSY: ...",
            "dead-letter-offset",
            "9");
    Headers headers = DeadLetterReplays.replayHeaders(again, new DeadLetterId(2, 17), "olga");
    List<String> names = new ArrayList<>();
    for (Header header : headers) {
      names.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
    }
    assertEquals(
        List.of(
            "traceparent=00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "replay-of-dead-letter=2-17",
            "replayed-by=olga"),
        names);
  }
}
