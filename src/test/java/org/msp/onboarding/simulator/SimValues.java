package org.msp.onboarding.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for the value records; unlike Map.copyOf they keep null values, which JSON
 * allows.
 */
final class SimValues {

  private SimValues() {}

  /**
   * Empty maps become the shared Map.of(): most organizations carry none, and bulk seeding makes
   * many.
   */
  static Map<String, Object> frozenMap(Map<String, Object> source) {
    return source == null || source.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }

  static <T> List<T> frozenList(List<T> source) {
    return source == null || source.isEmpty()
        ? List.of()
        : Collections.unmodifiableList(new ArrayList<>(source));
  }
}
