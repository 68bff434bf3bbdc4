package org.msp.onboarding.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The calls received, oldest first; bounded so a long benchmark cannot exhaust the simulator's
 * memory.
 */
final class SimCallLog {

  /**
   * About 50 MB at most; far above what a test makes, and a benchmark reads counts, not the full
   * history.
   */
  static final int CAPACITY = 250_000;

  private final ArrayDeque<SimCall> calls = new ArrayDeque<>();
  private final List<String> contractViolations = new ArrayList<>();

  synchronized void add(SimCall call) {
    if (calls.size() == CAPACITY) {
      calls.removeFirst();
    }
    calls.addLast(call);
  }

  synchronized List<SimCall> all() {
    return List.copyOf(calls);
  }

  /** Calls with this method ("*" for any) whose path matches the regex completely. */
  long count(String method, String pathRegex) {
    Pattern path = Pattern.compile(pathRegex);
    return all().stream()
        .filter(c -> method.equals("*") || method.equalsIgnoreCase(c.method()))
        .filter(c -> path.matcher(c.path()).matches())
        .count();
  }

  /** A request refused for not being one NinjaOne's published document describes. */
  synchronized void contractViolation(String what) {
    if (contractViolations.size() < 1_000) {
      contractViolations.add(what);
    }
  }

  synchronized List<String> contractViolations() {
    return List.copyOf(contractViolations);
  }

  synchronized void clear() {
    calls.clear();
    contractViolations.clear();
  }
}
