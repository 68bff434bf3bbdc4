package org.msp.onboarding.console;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Formatting for the templates: times in UTC to the second (operators compare them with NinjaOne's
 * logs).
 */
@TemplateExtension
public final class ConsoleFormat {
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private ConsoleFormat() {}

  static String at(Instant instant) {
    return AT.format(instant);
  }

  static String joined(List<?> values) {
    if (values == null || values.isEmpty()) {
      return "–";
    }
    return String.join(", ", values.stream().map(String::valueOf).toList());
  }

  /** A long text cut for a table cell; the whole of it stays in the cell's title. */
  static String shortened(String text) {
    return text.length() <= 140 ? text : text.substring(0, 140) + "…";
  }
}
