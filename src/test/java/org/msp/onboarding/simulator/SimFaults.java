package org.msp.onboarding.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Decides which fault, if any, a call gets: first the "next N calls" rules in the order added, then
 * chaos.
 */
final class SimFaults {

  static final Duration CHAOS_DELAY = Duration.ofSeconds(2);

  /** A rule with its remaining count; mutable, guarded by the SimFaults monitor. */
  private static final class Rule {
    final String method;
    final Pattern path;
    final SimFault fault;
    int remaining;

    Rule(String method, Pattern path, SimFault fault, int remaining) {
      this.method = method;
      this.path = path;
      this.fault = fault;
      this.remaining = remaining;
    }

    /**
     * Token calls are hit only by rules that name the token path, so "*" + ".*" rules cannot block
     * login.
     */
    boolean matches(String callMethod, String callPath, boolean tokenCall) {
      return (method.equals("*") || method.equalsIgnoreCase(callMethod))
          && (!tokenCall || path.pattern().contains("oauth"))
          && path.matcher(callPath).matches();
    }
  }

  private final List<Rule> rules = new ArrayList<>();
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile Duration latency = Duration.ZERO;
  private double randomRate;
  private Random random = new Random(0);

  synchronized void add(String method, String pathRegex, int times, SimFault fault) {
    if (times > 0) {
      rules.add(new Rule(method, Pattern.compile(pathRegex), fault, times));
    }
  }

  /**
   * The fault for this call, counted; null for none. Consumes one use of the first matching rule.
   */
  synchronized SimFault next(String method, String path, boolean tokenCall) {
    SimFault fault = fromRules(method, path, tokenCall);
    if (fault == null && !tokenCall && randomRate > 0 && random.nextDouble() < randomRate) {
      fault = chaos();
    }
    if (fault != null) {
      counts.computeIfAbsent(fault.kind(), k -> new LongAdder()).increment();
    }
    return fault;
  }

  private SimFault fromRules(String method, String path, boolean tokenCall) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (rule.matches(method, path, tokenCall)) {
        if (--rule.remaining == 0) {
          it.remove();
        }
        return rule.fault;
      }
    }
    return null;
  }

  /**
   * Chaos mixes the five kinds evenly; the 5xx statuses are the ones NinjaOne's gateways are seen
   * answering.
   */
  private SimFault chaos() {
    return switch (random.nextInt(5)) {
      case 0 -> SimFault.status(new int[] {500, 502, 503}[random.nextInt(3)]);
      case 1 -> SimFault.throttle(1);
      case 2 -> SimFault.html();
      case 3 -> SimFault.drop();
      default -> SimFault.delay(CHAOS_DELAY);
    };
  }

  Duration latency() {
    return latency;
  }

  void latency(Duration newLatency) {
    latency = newLatency == null ? Duration.ZERO : newLatency;
  }

  synchronized void random(double rate, long seed) {
    randomRate = rate;
    random = new Random(seed);
  }

  /** Kind to count, sorted by kind for stable output. */
  Map<String, Long> counts() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((kind, count) -> snapshot.put(kind, count.sum()));
    return snapshot;
  }

  /**
   * Clears rules, latency and chaos; keeps the counts, which report what a finished run injected.
   */
  synchronized void reset() {
    rules.clear();
    latency = Duration.ZERO;
    randomRate = 0;
  }

  void resetCounts() {
    counts.clear();
  }
}
