package org.msp.onboarding.deadletters;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.msp.onboarding.messaging.DeadLetterHeaders;
import org.msp.onboarding.messaging.DeadLetterReasonCode;

/** Reads what a dead letter says from its record: headers as text, the body as a preview. */
final class LetterReading {
  static final int PREVIEW_CHARS = 200;

  private LetterReading() {}

  static DeadLetter summary(ConsumerRecord<String, byte[]> record) {
    String reason = header(record, DeadLetterHeaders.REASON);
    String code = header(record, DeadLetterHeaders.REASON_CODE);
    return new DeadLetter(
        new DeadLetterId(record.partition(), record.offset()),
        Instant.ofEpochMilli(record.timestamp()),
        record.key(),
        reason,
        code != null ? code : DeadLetterReasonCode.of(reason),
        new DeadLetter.Origin(
            header(record, DeadLetterHeaders.TOPIC),
            number(header(record, DeadLetterHeaders.PARTITION), Integer::valueOf),
            number(header(record, DeadLetterHeaders.OFFSET), Long::valueOf)),
        header(record, DeadLetterHeaders.REPLAY_OF),
        header(record, DeadLetterHeaders.REPLAYED_BY),
        preview(record.value()),
        record.value() == null ? 0 : record.value().length,
        number(header(record, DeadLetterHeaders.ORIGINAL_SIZE), Integer::valueOf));
  }

  /** The last header of that name as text (bytes that are not UTF-8 replaced), or null. */
  static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null ? null : lenient(header.value());
  }

  static String lenient(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The body as text when it is UTF-8, else null (then it is shown as base64). */
  static String strictText(byte[] bytes) {
    try {
      CharBuffer text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return text.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The body's start on one line: enough to recognise the request in a list. */
  static String preview(byte[] value) {
    if (value == null) {
      return "";
    }
    // a UTF-8 character is at most 4 bytes: decode no more than the preview can show
    int bytes = Math.min(value.length, PREVIEW_CHARS * 4);
    String text = new String(value, 0, bytes, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS) + "…";
  }

  private static <N> N number(String text, java.util.function.Function<String, N> parse) {
    try {
      return text == null ? null : parse.apply(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
