package org.msp.onboarding.ops;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.msp.onboarding.web.ProblemException;

/**
 * Parses query parameters by hand, so that a bad one is a 400 naming it rather than JAX-RS's bare
 * 404.
 */
final class QueryParameters {
  private QueryParameters() {}

  static int intInRange(String name, String value, int min, int max, int defaultValue) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badParameter(
        name, name + " must be a whole number from " + min + " to " + max);
  }

  static Long positiveLong(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badParameter(name, name + " must be a positive whole number");
  }

  static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      throw ProblemException.badParameter(name, name + " must be one of " + allowed);
    }
  }

  static boolean bool(String name, String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw ProblemException.badParameter(name, name + " must be true or false");
  }

  static String text(String name, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > maxLength) {
      throw ProblemException.badParameter(
          name, name + " must be at most " + maxLength + " characters");
    }
    return value;
  }
}
