package org.msp.onboarding.ninjaone;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110). */
final class RetryAfter {
  private RetryAfter() {}

  static Duration parse(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration delay = Duration.between(Instant.now(), at);
        return delay.isNegative() ? Duration.ZERO : delay;
      } catch (RuntimeException notADate) {
        return null;
      }
    }
  }
}
