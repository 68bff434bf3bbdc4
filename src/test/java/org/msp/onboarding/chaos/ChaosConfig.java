package org.msp.onboarding.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * What one chaos run does.
 *
 * @param requests onboarding requests published (each a new client with a unique organization name)
 * @param kills SIGKILLs of a service instance, each followed by a restart of that instance
 * @param brokerRestarts Kafka broker stop/start cycles
 * @param pgRestart restart PostgreSQL once; only possible on a server the run owns (see {@link
 *     ChaosDatabase})
 * @param pgTerminations rounds of pg_terminate_backend on every session of the run's database
 * @param throttleBursts bursts of consecutive 429 answers with Retry-After from NinjaOne
 * @param ninjaOneFaultRate share of NinjaOne calls that get a random fault (5xx, 429, HTML, lost
 *     answer, 2 s delay)
 * @param instances service processes in the same consumer group
 * @param seed seeds the fault schedule and the simulator's random faults, so a run can be repeated
 * @param duration the fault window: requests are published over its first half, faults land
 *     anywhere in it
 * @param settleTimeout how long after the window every accepted saga may take to end before it
 *     counts as stuck
 */
public record ChaosConfig(
    int requests,
    int kills,
    int brokerRestarts,
    boolean pgRestart,
    int pgTerminations,
    int throttleBursts,
    double ninjaOneFaultRate,
    int instances,
    long seed,
    Duration duration,
    Duration settleTimeout) {

  /** The requests topic gets this many partitions, so that several instances each own some. */
  public static final int REQUEST_PARTITIONS = 6;

  public ChaosConfig {
    if (requests < 1 || instances < 1) {
      throw new IllegalArgumentException("need at least one request and one instance");
    }
    if (kills < 0 || brokerRestarts < 0 || pgTerminations < 0 || throttleBursts < 0) {
      throw new IllegalArgumentException("fault counts cannot be negative");
    }
    if (ninjaOneFaultRate < 0 || ninjaOneFaultRate >= 1) {
      throw new IllegalArgumentException("--fault-rate must be in [0, 1): " + ninjaOneFaultRate);
    }
    if (duration.isNegative()
        || duration.isZero()
        || settleTimeout.isNegative()
        || settleTimeout.isZero()) {
      throw new IllegalArgumentException("durations must be positive");
    }
  }

  /**
   * The long form of the issue: 1,000 requests, 10 kills, a broker restart, a PostgreSQL restart,
   * 20% faults.
   */
  public static ChaosConfig longForm(long seed) {
    return new ChaosConfig(
        1000, 10, 1, true, 4, 3, 0.2, 2, seed, defaultDuration(1000), defaultSettle(1000));
  }

  /**
   * The short form for the test suite: about 200 requests, 3 kills, one broker restart, a couple of
   * pg_terminate_backend rounds and 10% NinjaOne faults, sized to end within about four minutes
   * here.
   */
  public static ChaosConfig shortForm(long seed) {
    return new ChaosConfig(
        200, 3, 1, false, 2, 2, 0.1, 2, seed, Duration.ofSeconds(70), Duration.ofSeconds(100));
  }

  /**
   * About 0.3 s of window per request: the requests then arrive at roughly 6-7 per second over the
   * first half, which two instances on a small machine absorb while the faults land among sagas in
   * flight.
   */
  static Duration defaultDuration(int requests) {
    return Duration.ofMillis(Math.max(60_000L, requests * 300L));
  }

  static Duration defaultSettle(int requests) {
    return Duration.ofMillis(Math.max(120_000L, requests * 600L));
  }

  /**
   * {@code --requests N --kills N --broker-restarts N --pg-restart|--no-pg-restart
   * --pg-terminations N --throttle-bursts N --fault-rate X --instances N --seed N --duration D
   * --settle-timeout D}; anything not given keeps the long form's value. Durations are seconds or
   * ISO-8601 (PT5M).
   */
  public static ChaosConfig parse(String[] args) {
    ChaosConfig base = longForm(System.nanoTime() & 0xffffffL);
    int requests = base.requests;
    int kills = base.kills;
    int brokerRestarts = base.brokerRestarts;
    boolean pgRestart = base.pgRestart;
    int pgTerminations = base.pgTerminations;
    int throttleBursts = base.throttleBursts;
    double rate = base.ninjaOneFaultRate;
    int instances = base.instances;
    long seed = base.seed;
    Duration duration = null;
    Duration settle = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--pg-restart" -> pgRestart = true;
        case "--no-pg-restart" -> pgRestart = false;
        case "--requests" -> requests = Integer.parseInt(value(args, ++i, flag));
        case "--kills" -> kills = Integer.parseInt(value(args, ++i, flag));
        case "--broker-restarts" -> brokerRestarts = Integer.parseInt(value(args, ++i, flag));
        case "--pg-terminations" -> pgTerminations = Integer.parseInt(value(args, ++i, flag));
        case "--throttle-bursts" -> throttleBursts = Integer.parseInt(value(args, ++i, flag));
        case "--fault-rate" -> rate = Double.parseDouble(value(args, ++i, flag));
        case "--instances" -> instances = Integer.parseInt(value(args, ++i, flag));
        case "--seed" -> seed = Long.parseLong(value(args, ++i, flag));
        case "--duration" -> duration = duration(value(args, ++i, flag));
        case "--settle-timeout" -> settle = duration(value(args, ++i, flag));
        default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + usage());
      }
    }
    // Scaled with the request count unless given, so --requests 5000 does not squeeze into the
    // 1,000 window.
    return new ChaosConfig(
        requests,
        kills,
        brokerRestarts,
        pgRestart,
        pgTerminations,
        throttleBursts,
        rate,
        instances,
        seed,
        duration != null ? duration : defaultDuration(requests),
        settle != null ? settle : defaultSettle(requests));
  }

  static String usage() {
    return "usage: chaos-run [--requests 1000] [--kills 10] [--broker-restarts 1] [--pg-restart|--no-pg-restart]"
        + " [--pg-terminations 4] [--throttle-bursts 3] [--fault-rate 0.2] [--instances 2] [--seed N]"
        + " [--duration 300|PT5M] [--settle-timeout 600|PT10M]";
  }

  private static String value(String[] args, int index, String flag) {
    if (index >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value\n" + usage());
    }
    return args[index];
  }

  private static Duration duration(String text) {
    return text.toUpperCase(Locale.ROOT).startsWith("P")
        ? Duration.parse(text)
        : Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
  }

  /** One line for the report's head. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "%d requests, %d instance(s), fault window %ds, %d kill(s), %d broker restart(s), PostgreSQL restart %s,"
            + " %d pg_terminate_backend round(s), %d 429 burst(s), NinjaOne random faults %.0f%%, seed %d",
        requests,
        instances,
        duration.toSeconds(),
        kills,
        brokerRestarts,
        pgRestart ? "yes" : "no",
        pgTerminations,
        throttleBursts,
        ninjaOneFaultRate * 100,
        seed);
  }
}
