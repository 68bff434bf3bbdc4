package org.msp.onboarding.chaos;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.msp.onboarding.harness.KafkaBrokerProcess;
import org.msp.onboarding.harness.TestJwt;
import org.msp.onboarding.messaging.Topics;
import org.msp.onboarding.simulator.NinjaOneSimulator;

/**
 * The chaos run: starts its own real stack (a Kafka broker process with a 6-partition requests
 * topic, a fresh PostgreSQL database, the NinjaOne simulator with duplicate names allowed, and
 * several service processes in one consumer group), publishes the requests at a steady pace while
 * it injects faults at seeded random moments, waits until every accepted saga has ended, then
 * checks the invariants and prints the report.
 *
 * <p>{@code ./chaos-run [--requests 1000 --kills 10 --broker-restarts 1 --pg-restart --fault-rate
 * 0.2 --instances 2 --seed N]}; the test suite runs the short form in {@code ChaosIT}.
 */
public final class ChaosRun {
  static final String CLIENT_ID = "chaos-onboarding";
  static final String CLIENT_SECRET = "chaos-secret-7d1e";

  /**
   * Short enough that a killed instance's sagas move on within seconds, long enough for a 2 s
   * NinjaOne delay.
   */
  static final String LEASE = "PT5S";

  /** Held so the logging levels set below are not lost when the logger objects are collected. */
  private static final List<java.util.logging.Logger> QUIETED = new ArrayList<>();

  private ChaosRun() {}

  public static void main(String[] args) throws Exception {
    // As failsafe does for the tests: the Kafka clients log through slf4j to JBoss LogManager,
    // which must own
    // java.util.logging before anything logs, or it warns and levels set below may not apply.
    System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    ChaosConfig config;
    try {
      config = ChaosConfig.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    ChaosReport report = run(config);
    System.exit(report.passed() ? 0 : 1);
  }

  /** Runs one chaos run end to end and returns its report (also printed). */
  public static ChaosReport run(ChaosConfig config) throws Exception {
    quietClientLogs();
    long started = System.nanoTime();
    Path work =
        Path.of(
                System.getProperty("chaos.work.dir", "target"),
                "chaos-" + ProcessHandle.current().pid())
            .toAbsolutePath();
    ChaosReport report = new ChaosReport();
    report.config = config;
    report.workDir = work.toString();
    report.lease = LEASE;
    say("starting the stack in " + work + ": " + config.describe());
    Deque<AutoCloseable> open = new ArrayDeque<>();
    try {
      KafkaBrokerProcess kafka = KafkaBrokerProcess.start(work.resolve("kafka"));
      open.push(kafka);
      kafka.createTopics(ChaosConfig.REQUEST_PARTITIONS, Topics.REQUESTS);
      kafka.createTopics(3, Topics.REQUESTS_DLQ, Topics.EVENTS);
      report.stack.add(
          "Kafka broker "
              + kafka.bootstrapServers()
              + ", "
              + Topics.REQUESTS
              + " with "
              + ChaosConfig.REQUEST_PARTITIONS
              + " partitions");

      ChaosDatabase database = ChaosDatabase.create(config.pgRestart(), work);
      open.push(database);
      report.stack.add("PostgreSQL: " + database.description());
      report.pgRestartNote = config.pgRestart() ? database.restartNote() : null;

      NinjaOneSimulator ninjaOne = NinjaOneSimulator.start(0, CLIENT_ID, CLIENT_SECRET);
      open.push(ninjaOne);
      // NinjaOne itself would refuse a second organization of the same name; allowing it here means
      // a duplicate
      // the service creates really shows up, instead of being hidden by a 409.
      ninjaOne.setRejectDuplicateNames(false);
      report.stack.add("NinjaOne simulator " + ninjaOne.baseUrl() + " (duplicate names allowed)");

      List<ServiceInstance> instances = new ArrayList<>();
      Map<String, String> env = serviceEnv(database, kafka, work);
      for (int i = 1; i <= config.instances(); i++) {
        ServiceInstance instance =
            ServiceInstance.start("instance-" + i, work, env, ninjaOne.port());
        instances.add(instance);
        open.push(instance);
      }
      for (ServiceInstance instance : instances) {
        instance.awaitReady(Duration.ofSeconds(180));
      }
      OutboxAudit.install(database);
      report.stack.add(
          instances.size()
              + " service instance(s) in consumer group "
              + GroupWatch.GROUP
              + ", each calling NinjaOne through its own tap; lease "
              + LEASE
              + ", heartbeat PT1S, retries "
              + env.get("ONBOARDING_RETRY_MAX_ATTEMPTS")
              + " attempts from "
              + env.get("ONBOARDING_RETRY_INITIAL_DELAY")
              + " up to "
              + env.get("ONBOARDING_RETRY_MAX_DELAY"));
      report.stack.add(
          "outbox_event audited by an observe-only trigger (chaos_outbox_audit), to explain a missing"
              + " status event");
      TopicTail events = new TopicTail(kafka.bootstrapServers(), Topics.EVENTS);
      open.push(events);
      TopicTail deadLetters = new TopicTail(kafka.bootstrapServers(), Topics.REQUESTS_DLQ);
      open.push(deadLetters);
      report.startupTime = Duration.ofNanos(System.nanoTime() - started);
      say(
          String.format(
              Locale.ROOT,
              "stack ready after %.1f s; fault window of %d s begins",
              report.startupTime.toMillis() / 1000.0,
              config.duration().toSeconds()));

      // ---- the fault window ----
      long windowStart = System.nanoTime();
      report.windowStartedAt = java.time.LocalTime.now();
      GroupWatch group = new GroupWatch(kafka.bootstrapServers(), windowStart);
      open.push(group);
      LeaseWatch leases = new LeaseWatch(database);
      open.push(leases);
      ninjaOne.setRandomFaults(config.ninjaOneFaultRate(), config.seed());
      // Requests arrive over the first half of the window, so later faults still hit sagas in
      // flight.
      RequestPublisher publisher =
          new RequestPublisher(
              kafka.bootstrapServers(), config.requests(), config.duration().dividedBy(2));
      open.push(publisher);
      FaultInjector faults =
          new FaultInjector(config, instances, kafka, database, ninjaOne, leases, windowStart);
      open.push(faults);
      publisher.start();
      faults.start();
      Thread.sleep(config.duration().toMillis());
      faults.awaitDone(Duration.ofMinutes(4));
      publisher.awaitDone(Duration.ofMinutes(4));
      report.faultWindowTime = Duration.ofNanos(System.nanoTime() - windowStart);

      // ---- settling: every accepted saga must end ----
      long settleStart = System.nanoTime();
      awaitSettled(database, publisher, deadLetters, config.settleTimeout());
      report.settleTime = Duration.ofNanos(System.nanoTime() - settleStart);

      // ---- checks ----
      long checkStart = System.nanoTime();
      Invariants.check(
          report,
          publisher,
          database,
          ninjaOne,
          events,
          deadLetters,
          instances,
          Duration.ofSeconds(30),
          windowStart);
      report.faults = faults.counts();
      report.timeline = faults.injected();
      report.sessionsTerminated = faults.sessionsTerminated();
      report.callsInFlightAtKills = faults.callsInFlightAtKills();
      report.burstCalls = faults.burstCalls();
      report.ninjaOneFaults = ninjaOne.faultCounts();
      report.groupLayouts = group.layouts();
      report.maxGroupMembers = group.maxSharing();
      takeovers(report, leases);
      report.checkTime = Duration.ofNanos(System.nanoTime() - checkStart);
    } finally {
      closeAll(open);
    }
    report.wallTime = Duration.ofNanos(System.nanoTime() - started);
    System.out.println(report.format());
    return report;
  }

  /** The configuration keys a user sets (README), with test-sized retry, lease and poll timings. */
  private static Map<String, String> serviceEnv(
      ChaosDatabase database, KafkaBrokerProcess kafka, Path work) {
    Map<String, String> env = new LinkedHashMap<>(database.quarkusEnv());
    // The ops API is not used here, but a production start needs a token key.
    env.putAll(TestJwt.create(work.resolve("jwt")).serviceEnv());
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("NINJAONE_CLIENT_ID", CLIENT_ID);
    env.put("NINJAONE_CLIENT_SECRET", CLIENT_SECRET);
    env.put("ONBOARDING_RETRY_INITIAL_DELAY", "PT0.2S");
    env.put("ONBOARDING_RETRY_MAX_DELAY", "PT2S");
    env.put("ONBOARDING_RETRY_MAX_ATTEMPTS", "8");
    env.put("ONBOARDING_RUNNER_LEASE", LEASE);
    // A fifth of the lease: a live instance keeps its sagas even when one heartbeat is late on a
    // busy machine.
    env.put("ONBOARDING_RUNNER_HEARTBEAT", "PT1S");
    env.put("ONBOARDING_RUNNER_POLL_INTERVAL", "PT1S");
    return env;
  }

  /**
   * Waits until every published request is a saga (or a dead letter) and no saga is running or
   * compensating, or the timeout passes: whatever is still active then is stuck.
   */
  private static void awaitSettled(
      ChaosDatabase database, RequestPublisher publisher, TopicTail deadLetters, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextReport = 0;
    int expected = publisher.published().size();
    while (System.nanoTime() < deadline) {
      try (Connection c = database.connect();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT count(*),"
                      + " count(*) FILTER (WHERE status IN ('RUNNING', 'COMPENSATING')) FROM saga")) {
        rs.next();
        int sagas = rs.getInt(1);
        int active = rs.getInt(2);
        int deadLettered = deadLetters.entries().size();
        if (active == 0 && sagas + deadLettered >= expected) {
          say("settled: " + sagas + " saga(s), " + deadLettered + " dead letter(s), none active");
          return;
        }
        if (System.nanoTime() > nextReport) {
          say("settling: " + sagas + "/" + expected + " saga(s), " + active + " still active");
          nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        }
      } catch (SQLException e) {
        // the database may be coming back from the restart: look again
      }
      Thread.sleep(1_000);
    }
    say(
        "settle timeout of "
            + timeout.toSeconds()
            + " s reached; what is still active counts as stuck");
  }

  private static void takeovers(ChaosReport report, LeaseWatch leases) {
    List<LeaseWatch.Orphan> orphans = leases.orphans();
    report.sagasLeasedByKilledInstances = orphans.size();
    List<Long> delays =
        orphans.stream()
            .filter(LeaseWatch.Orphan::resolved)
            .map(o -> o.pickedUpAfterMillis)
            .sorted()
            .toList();
    report.sagasTakenOver = delays.size();
    if (!delays.isEmpty()) {
      report.takeoverMinMillis = delays.get(0);
      report.takeoverMedianMillis = delays.get(delays.size() / 2);
      report.takeoverMaxMillis = delays.get(delays.size() - 1);
    }
    orphans.stream()
        .filter(o -> o.beforeExpiry)
        .forEach(
            o ->
                report.takenOverBeforeLeaseExpiry.add(
                    "saga "
                        + o.sagaId
                        + " leased by "
                        + o.deadOwner
                        + " until "
                        + o.leaseUntil
                        + ", taken by "
                        + o.pickedUpBy
                        + " "
                        + o.pickedUpAfterMillis
                        + " ms after the kill of "
                        + o.killedInstance));
  }

  /**
   * Stops what the run started, newest first: the services before the database and broker they use.
   */
  private static void closeAll(Deque<AutoCloseable> open) {
    while (!open.isEmpty()) {
      AutoCloseable resource = open.pop();
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println(
            "[chaos] closing " + resource.getClass().getSimpleName() + " failed: " + e);
      }
    }
  }

  /**
   * The broker is stopped on purpose; the run's own Kafka clients would otherwise log a warning per
   * reconnect attempt and drown the fault timeline.
   */
  private static void quietClientLogs() {
    for (String name : List.of("org.apache.kafka", "io.zonky")) {
      java.util.logging.Logger logger = LogContext.getLogContext().getLogger(name);
      logger.setLevel(Level.SEVERE);
      QUIETED.add(logger);
    }
  }

  static void say(String line) {
    System.out.println("[chaos] " + line);
  }
}
