package org.msp.onboarding.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.msp.onboarding.harness.KafkaBrokerProcess;
import org.msp.onboarding.simulator.NinjaOneSimulator;

/**
 * Plans the faults from the seed (kind, moment, victim, downtime) before the run, then injects each
 * at its moment on its own thread, so faults may overlap as they would in production (a kill while
 * the broker is down). Killed instances are started again after a short, seeded pause.
 */
final class FaultInjector implements AutoCloseable {
  static final String KILL = "kill -9 service instance";
  static final String RESTART = "service instance restarted";
  static final String BROKER = "Kafka broker stop/start";
  static final String PG_TERMINATE = "pg_terminate_backend round";
  static final String PG_RESTART = "PostgreSQL restart";
  static final String BURST = "NinjaOne 429 burst (Retry-After 2 s)";

  /** Retry-After of a burst: longer than the random throttles' 1 s, so the floor really matters. */
  private static final int BURST_RETRY_AFTER_SECONDS = 2;

  /** One fault as it happened. */
  record Injected(long atMillis, String kind, String detail) {}

  /**
   * A fault decided before the run.
   *
   * @param victim for a kill: the instance to kill if it is up
   * @param pauseMillis for a kill: how long the instance stays down; for a restart: the downtime
   * @param size for a 429 burst: how many calls it answers
   */
  private record Planned(long atMillis, String kind, int victim, long pauseMillis, int size) {}

  private final ChaosConfig config;
  private final List<ServiceInstance> instances;
  private final KafkaBrokerProcess kafka;
  private final ChaosDatabase database;
  private final NinjaOneSimulator ninjaOne;
  private final LeaseWatch leases;
  private final long epochNanos;
  private final List<Planned> plan;
  private final List<Injected> injected = new ArrayList<>();
  private final Map<String, AtomicInteger> counts = new TreeMap<>();
  private final ScheduledExecutorService scheduler;
  private final ExecutorService restarter;
  private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
  private final List<CompletableFuture<Void>> restarts = new ArrayList<>();
  private final Object brokerLock = new Object();
  private int callsInFlightAtKills;
  private int sessionsTerminated;
  private int burstCalls;

  FaultInjector(
      ChaosConfig config,
      List<ServiceInstance> instances,
      KafkaBrokerProcess kafka,
      ChaosDatabase database,
      NinjaOneSimulator ninjaOne,
      LeaseWatch leases,
      long epochNanos) {
    this.config = config;
    this.instances = instances;
    this.kafka = kafka;
    this.database = database;
    this.ninjaOne = ninjaOne;
    this.leases = leases;
    this.epochNanos = epochNanos;
    this.plan = plan(config, new Random(config.seed()));
    scheduler = Executors.newScheduledThreadPool(4, daemon("chaos-fault"));
    restarter = Executors.newCachedThreadPool(daemon("chaos-restart"));
  }

  /**
   * Moments are fractions of the window: kills and terminations anywhere in it, the broker restart
   * while requests are still being published (it must not lose one), the PostgreSQL restart while
   * sagas are in flight.
   */
  private static List<Planned> plan(ChaosConfig config, Random random) {
    long window = config.duration().toMillis();
    List<Planned> plan = new ArrayList<>();
    for (int i = 0; i < config.kills(); i++) {
      plan.add(
          new Planned(
              at(window, 0.05, 0.85, random),
              KILL,
              random.nextInt(config.instances()),
              500 + random.nextInt(2_500),
              0));
    }
    for (int i = 0; i < config.brokerRestarts(); i++) {
      plan.add(
          new Planned(at(window, 0.15, 0.6, random), BROKER, 0, 3_000 + random.nextInt(5_000), 0));
    }
    if (config.pgRestart()) {
      plan.add(
          new Planned(
              at(window, 0.1, 0.7, random), PG_RESTART, 0, 2_000 + random.nextInt(3_000), 0));
    }
    for (int i = 0; i < config.pgTerminations(); i++) {
      plan.add(new Planned(at(window, 0.05, 0.9, random), PG_TERMINATE, 0, 0, 0));
    }
    for (int i = 0; i < config.throttleBursts(); i++) {
      plan.add(new Planned(at(window, 0.05, 0.8, random), BURST, 0, 0, 20 + random.nextInt(40)));
    }
    plan.sort(Comparator.comparingLong(Planned::atMillis));
    return plan;
  }

  private static long at(long window, double from, double to, Random random) {
    return Math.round(window * (from + (to - from) * random.nextDouble()));
  }

  /** Schedules every planned fault relative to now. */
  void start() {
    for (Planned fault : plan) {
      scheduled.add(
          scheduler.schedule(() -> inject(fault), fault.atMillis(), TimeUnit.MILLISECONDS));
    }
  }

  /**
   * Waits until every fault was injected and every killed instance is back (or the timeout passed).
   */
  void awaitDone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ScheduledFuture<?> future : scheduled) {
      waitFor(future, deadline);
    }
    List<CompletableFuture<Void>> pending;
    synchronized (this) {
      pending = List.copyOf(restarts);
    }
    for (CompletableFuture<Void> restart : pending) {
      waitFor(restart, deadline);
    }
  }

  /** In the order the faults began (they are recorded when they end). */
  synchronized List<Injected> injected() {
    return injected.stream().sorted(Comparator.comparingLong(Injected::atMillis)).toList();
  }

  synchronized Map<String, Integer> counts() {
    Map<String, Integer> snapshot = new TreeMap<>();
    counts.forEach((kind, n) -> snapshot.put(kind, n.get()));
    return snapshot;
  }

  synchronized int callsInFlightAtKills() {
    return callsInFlightAtKills;
  }

  synchronized int sessionsTerminated() {
    return sessionsTerminated;
  }

  synchronized int burstCalls() {
    return burstCalls;
  }

  private void inject(Planned fault) {
    try {
      switch (fault.kind()) {
        case KILL -> kill(fault);
        case BROKER -> restartBroker(fault);
        case PG_RESTART -> restartPostgres(fault);
        case PG_TERMINATE -> terminateSessions();
        case BURST -> burst(fault);
        default -> throw new IllegalStateException(fault.kind());
      }
    } catch (Exception e) {
      record("FAILED " + fault.kind(), e.toString());
    }
  }

  private void kill(Planned fault) throws InterruptedException {
    ServiceInstance victim = pickVictim(fault.victim());
    if (victim == null) {
      record("SKIPPED " + KILL, "no instance was up for 90 s");
      return;
    }
    long pid = victim.pid();
    int inFlight = victim.tap().inFlight();
    long killedAt = System.nanoTime();
    victim.kill();
    int leased = leases.snapshot(victim.name(), pid, killedAt);
    synchronized (this) {
      callsInFlightAtKills += inFlight;
    }
    record(
        KILL,
        String.format(
            Locale.ROOT,
            "%s (pid %d): %d NinjaOne call(s) in flight, %s saga(s) leased; restart in %.1f s",
            victim.name(),
            pid,
            inFlight,
            leased < 0 ? "unknown" : Integer.toString(leased),
            fault.pauseMillis() / 1000.0),
        killedAt);
    CompletableFuture<Void> restart =
        CompletableFuture.runAsync(
            () -> {
              try {
                Thread.sleep(fault.pauseMillis());
                long started = System.nanoTime();
                victim.restartUntilReady(Duration.ofSeconds(120), 4);
                record(
                    RESTART,
                    String.format(
                        Locale.ROOT,
                        "%s ready again after %.1f s (pid %d)",
                        victim.name(),
                        (System.nanoTime() - started) / 1e9,
                        victim.pid()));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                record("FAILED " + RESTART, victim.name() + ": " + e.getMessage());
              }
            },
            restarter);
    synchronized (this) {
      restarts.add(restart);
    }
  }

  /**
   * The planned victim if it is up, else the next one that is; waits while every instance is
   * restarting.
   */
  private ServiceInstance pickVictim(int preferred) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < instances.size(); i++) {
        ServiceInstance candidate = instances.get((preferred + i) % instances.size());
        if (candidate.isUp()) {
          return candidate;
        }
      }
      Thread.sleep(250);
    }
    return null;
  }

  private void restartBroker(Planned fault) throws InterruptedException {
    synchronized (brokerLock) {
      long started = System.nanoTime();
      kafka.stop();
      Thread.sleep(fault.pauseMillis());
      kafka.restart();
      record(
          BROKER,
          String.format(
              Locale.ROOT,
              "stopped (SIGTERM), kept down %.1f s, answering again after %.1f s",
              fault.pauseMillis() / 1000.0,
              (System.nanoTime() - started) / 1e9),
          started);
    }
  }

  private void restartPostgres(Planned fault) throws InterruptedException {
    if (!database.restartable()) {
      record("SKIPPED " + PG_RESTART, database.restartNote());
      return;
    }
    long started = System.nanoTime();
    database.restart(Duration.ofMillis(fault.pauseMillis()));
    record(
        PG_RESTART,
        String.format(
            Locale.ROOT,
            "pg_ctl stop -m fast, kept down %.1f s, accepting again after %.1f s",
            fault.pauseMillis() / 1000.0,
            (System.nanoTime() - started) / 1e9),
        started);
  }

  private void terminateSessions() throws java.sql.SQLException {
    long started = System.nanoTime();
    int ended = database.terminateConnections();
    synchronized (this) {
      sessionsTerminated += ended;
    }
    record(
        PG_TERMINATE,
        String.format(
            Locale.ROOT,
            "%d session(s) of the run's database ended (took %.1f s)",
            ended,
            (System.nanoTime() - started) / 1e9),
        started);
  }

  private void burst(Planned fault) {
    // The next N NinjaOne API calls, whichever instance makes them, get 429 (token calls are
    // exempt).
    int size = fault.size();
    ninjaOne.throttleNext("*", "/v2/.*", size, BURST_RETRY_AFTER_SECONDS);
    synchronized (this) {
      burstCalls += size;
    }
    record(
        BURST,
        "next " + size + " API calls answer 429 with Retry-After " + BURST_RETRY_AFTER_SECONDS);
  }

  private void record(String kind, String detail) {
    record(kind, detail, System.nanoTime());
  }

  /**
   * Stamped with when the fault began: a broker restart or a terminate round takes seconds to
   * report.
   */
  private synchronized void record(String kind, String detail, long startedNanos) {
    long at = (startedNanos - epochNanos) / 1_000_000;
    injected.add(new Injected(at, kind, detail));
    counts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    System.out.printf(Locale.ROOT, "[chaos] +%6.1fs %s: %s%n", at / 1000.0, kind, detail);
  }

  private static void waitFor(java.util.concurrent.Future<?> future, long deadlineNanos)
      throws InterruptedException {
    try {
      future.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // reported by the fault itself, or still running at the deadline: the report shows what
      // happened
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    restarter.shutdownNow();
  }
}
