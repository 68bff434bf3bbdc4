package org.msp.onboarding.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The W3C trace context a request arrived with: the record's traceparent header, else the
 * consumer's span.
 */
final class TraceContext {
  private static final Pattern TRACEPARENT =
      Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  private TraceContext() {}

  static String of(ConsumerRecord<String, byte[]> record) {
    Header header = record.headers().lastHeader("traceparent");
    if (header != null && header.value() != null) {
      String value = new String(header.value(), StandardCharsets.US_ASCII).trim();
      if (TRACEPARENT.matcher(value).matches()) {
        return value;
      }
    }
    SpanContext current = Span.current().getSpanContext();
    if (current.isValid()) {
      return "00-"
          + current.getTraceId()
          + "-"
          + current.getSpanId()
          + "-"
          + current.getTraceFlags().asHex();
    }
    return null;
  }
}
