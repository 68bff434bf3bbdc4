package org.msp.onboarding.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.msp.onboarding.harness.KafkaBrokerProcess;
import org.msp.onboarding.harness.TestDatabase;
import org.msp.onboarding.harness.TestJwt;
import org.msp.onboarding.it.Events;
import org.msp.onboarding.messaging.Topics;
import org.msp.onboarding.simulator.NinjaOneSimulator;
import org.msp.onboarding.simulator.SimCall;

/**
 * {@code ./bench}: the service against DBOS Transact and a raw-call baseline on the same workload,
 * the same NinjaOne simulator, the same Kafka broker and the same PostgreSQL server, one after
 * another, each on a fresh database and a fresh request topic. Writes target/bench/results.json,
 * results.md and chart.png.
 *
 * <p>What is measured, per contender and workload: requests are published to Kafka in one burst; a
 * saga's latency is from the moment its request was handed to the producer to its completion (the
 * service's {@code saga.finished_at}, DBOS's committed SUCCESS, the baseline's last call answered).
 * Throughput is sagas divided by first publish to last completion. NinjaOne calls come from the
 * simulator's log, PostgreSQL transactions from the xact_commit of the contender's database (read
 * from the server's admin database after the contender stopped, so its sessions' statistics are
 * flushed and our reads are not counted), memory and CPU from /proc of the contender's JVMs.
 */
public final class Benchmark {
  private final BenchOptions options;
  private final Path work;
  private final List<RunResult> results = new ArrayList<>();
  private KafkaBrokerProcess broker;
  private BenchKafka kafka;
  private NinjaOneSimulator simulator;
  private TestJwt jwt;
  private int runs;

  /**
   * Injected into the simulator a few seconds into the measured part of the next burst, when set.
   */
  private Runnable midRunFault;

  private Benchmark(BenchOptions options) {
    this.options = options;
    this.work = options.out.resolve("work");
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    List<RunResult> results = run(options);
    boolean allCompleted = results.stream().allMatch(RunResult::ok);
    System.exit(allCompleted ? 0 : 1);
  }

  /** Runs everything the options ask for and writes the reports; answers every run's figures. */
  public static List<RunResult> run(BenchOptions options) throws Exception {
    Benchmark bench = new Benchmark(options);
    Instant started = Instant.now();
    String load = loadAverage();
    try {
      bench.startStack();
      bench.runAll();
    } finally {
      bench.stopStack();
    }
    Report.write(options, bench.results, started, load);
    return bench.results;
  }

  private void startStack() {
    say(
        "starting Kafka broker, NinjaOne simulator; PostgreSQL: "
            + System.getenv()
                .getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "(none configured: embedded)"));
    broker = KafkaBrokerProcess.start(work.resolve("kafka"));
    // The service's readiness wants its standard topics; each run reads its own request topic.
    broker.createTopics(BenchKafka.PARTITIONS, Topics.REQUESTS, Topics.REQUESTS_DLQ, Topics.EVENTS);
    kafka = new BenchKafka(broker.bootstrapServers());
    simulator = NinjaOneSimulator.start(0, ServiceRun.CLIENT_ID, ServiceRun.CLIENT_SECRET);
    jwt = TestJwt.create(work);
  }

  private void stopStack() {
    if (kafka != null) {
      kafka.close();
    }
    if (simulator != null) {
      simulator.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private void runAll() {
    if (options.backlogOnly) {
      results.add(backlog(options.backlog));
      return;
    }
    if (options.costOnly) {
      costChecks();
      return;
    }
    warmSharedProcesses();
    for (int latency : options.latencies) {
      for (String contender : options.contenders) {
        results.add(
            burst(
                "burst",
                "burst " + options.requests + " @ " + latency + " ms",
                contender,
                latency,
                options.requests,
                0,
                1,
                null));
      }
    }
    repeatZeroLatencyRounds();
    double budget = options.budget < 0 ? autoBudget() : options.budget;
    if (budget > 0) {
      for (String contender : options.contenders) {
        results.add(
            burst(
                "budget",
                "budget "
                    + fmt(budget)
                    + " req/s, "
                    + options.budgetRequests
                    + " @ "
                    + options.budgetLatency
                    + " ms",
                contender,
                options.budgetLatency,
                options.budgetRequests,
                budget,
                1,
                null));
      }
    }
    if (options.scaling) {
      int n = options.scalingRequests;
      costChecks();
      for (int processes : new int[] {1, 2}) {
        results.add(
            burst(
                "processes",
                processes + " process" + (processes > 1 ? "es" : "") + ", " + n + " @ 50 ms",
                "service",
                50,
                n,
                0,
                processes,
                null));
      }
      results.add(backlog(options.backlog));
    }
    if (options.sharedBudget) {
      sharedBudget();
    }
  }

  /**
   * Rounds 2..N of the 0-ms comparison (round 1 is the burst above): the service and DBOS again,
   * DBOS first in even rounds, so that neither always meets the machine in the same state.
   */
  private void repeatZeroLatencyRounds() {
    if (!options.latencies.contains(0)
        || !options.contenders.containsAll(List.of("service", "dbos"))) {
      return;
    }
    for (int round = 2; round <= options.rounds; round++) {
      List<String> order = round % 2 == 0 ? List.of("dbos", "service") : List.of("service", "dbos");
      for (String contender : order) {
        results.add(
            burst(
                "burst-round",
                Report.roundLabel(options, round),
                contender,
                0,
                options.requests,
                0,
                1,
                null));
      }
    }
  }

  /**
   * The simulator, this harness's Kafka producer and the broker serve every contender. Warmed once,
   * unmeasured, by the raw baseline: otherwise their JIT compilation (a third of a core in this
   * harness alone) lands in the machine CPU of whichever contender runs first.
   */
  private void warmSharedProcesses() {
    int n = options.sharedWarmup;
    if (n <= 0) {
      return;
    }
    say("== warming the shared processes: " + n + " raw-baseline sagas @ 0 ms, unmeasured");
    String topic = prepareRun(0, null);
    String groupId = "bench-group-" + runs;
    ContenderRun run = null;
    try {
      run = start("raw", topic, groupId, 0, 1);
      kafka.awaitAssigned(groupId, Duration.ofSeconds(60));
      runUnmeasured(run, topic, "s", n);
    } catch (Exception e) {
      say("   warm-up failed, measuring anyway: " + e);
    } finally {
      if (run != null) {
        run.stop();
        run.close();
      }
    }
  }

  /** Publishes {@code n} requests (client ids prefix + run + index) and waits until all ended. */
  private void runUnmeasured(ContenderRun run, String topic, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      Events.Event event = Events.newClient(prefix + runs + "-" + i);
      kafka.publish(topic, event.clientId(), event.bytes());
    }
    kafka.flush();
    awaitEnded(run, n, Duration.ofSeconds(120 + n));
  }

  /**
   * Several service processes on one database under one budget: the simulator's log shows whether
   * the tenant sees the budget or a multiple of it. Then again with a burst of 429s ten seconds in:
   * every instance slows down (AIMD) and recovers.
   */
  private void sharedBudget() {
    double budget = options.sharedBudgetRate;
    int n = options.sharedBudgetRequests;
    int processes = options.sharedBudgetProcesses;
    String label =
        "shared budget " + fmt(budget) + " req/s, " + processes + " processes, " + n + " @ 50 ms";
    results.add(burst("shared-budget", label, "service", 50, n, budget, processes, null));
    midRunFault = () -> simulator.throttleNext("*", "/v2/.*", 10, 1);
    try {
      results.add(
          burst(
              "shared-budget-429",
              label + ", 10 x 429 at 10 s",
              "service",
              50,
              n,
              budget,
              processes,
              null));
    } finally {
      midRunFault = null;
    }
  }

  /**
   * NinjaOne calls per saga with an empty tenant and with a large one: the name check before each
   * create must not page the tenant (the name index fills during the unmeasured warm-up, once per
   * database).
   */
  private void costChecks() {
    int n = options.scalingRequests;
    for (int seeded : new int[] {0, options.seededOrganizations}) {
      results.add(
          burst(
              "cost",
              "cost " + n + " @ 0 ms, " + seeded + " organizations",
              "service",
              0,
              n,
              0,
              1,
              seeded));
    }
  }

  /**
   * 60% of the raw baseline's NinjaOne calls per second in its burst at the budget latency, else
   * 60.
   */
  private double autoBudget() {
    return results.stream()
        .filter(
            r ->
                r.group.equals("burst")
                    && r.contender.equals("raw")
                    && r.latencyMs == options.budgetLatency
                    && r.ok())
        .findFirst()
        .map(r -> (double) Math.max(5, Math.round(0.6 * r.sagasPerSecond * r.ninjaOneCallsPerSaga)))
        .orElse(60.0);
  }

  // ---- one burst ----

  private RunResult burst(
      String group,
      String workload,
      String contender,
      int latencyMs,
      int n,
      double budget,
      int processes,
      Integer seeded) {
    RunResult r = newResult(group, workload, contender, latencyMs, n, budget, processes, seeded);
    say("== " + workload + " : " + contender + (processes > 1 ? " x" + processes : ""));
    String topic = prepareRun(latencyMs, seeded);
    String groupId = "bench-group-" + runs;
    List<Events.Event> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      events.add(Events.newClient("b" + runs + "-" + i));
    }
    ContenderRun run = null;
    try {
      run = start(contender, topic, groupId, budget, processes);
      kafka.awaitAssigned(groupId, Duration.ofSeconds(60));
      // A few sagas first, unmeasured: a long-running service is warm (JIT, pools, caches); so are
      // the others.
      // Under a shared budget a long warm-up costs minutes: a few sagas per worker suffice there.
      int warmup =
          group.startsWith("shared-budget") ? Math.min(options.warmup, 24) : options.warmup;
      runUnmeasured(run, topic, "w", warmup);
      double cpuBefore = cpu(run.pids());
      CpuShares.Snapshot sharesBefore = CpuShares.take(run.pids());
      double machineBefore = ProcStats.machineCpuSeconds();
      Long commitsBefore = commits(run.database(), false);
      long pollsBefore = run.polls();
      Path profile = options.profile ? startProfile(run) : null;
      simulator.clearCalls();
      Map<String, Long> published = new HashMap<>();
      long first = System.currentTimeMillis();
      for (Events.Event event : events) {
        published.put(event.clientId(), kafka.publish(topic, event.clientId(), event.bytes()));
      }
      kafka.flush();
      Thread fault =
          midRunFault == null ? null : scheduleFault(midRunFault, Duration.ofSeconds(10));
      awaitEnded(run, warmup + n, Duration.ofSeconds(120 + n * 2L / 5));
      if (fault != null) {
        fault.interrupt();
      }
      double cpuAfter = cpu(run.pids());
      CpuShares shares = CpuShares.take(run.pids()).since(sharesBefore);
      double machineAfter = ProcStats.machineCpuSeconds();
      r.peakRssMb = run.pids().stream().mapToDouble(ProcStats::peakRssMb).max().orElse(-1);
      List<SimCall> allCalls = simulator.calls();
      List<SimCall> calls = ninjaOneCalls();
      if (budget > 0 && run instanceof ServiceRun service) {
        r.notes.add("request budget, all instances since start: " + service.budgetCounters());
      }
      if (profile != null) {
        stopProfile(run, profile);
        r.notes.add("JFR profile of the measured burst: " + profile);
      }
      long ourPolls = run.polls() - pollsBefore;
      run.stop();
      Long commitsAfter = commits(run.database(), true);
      Map<String, Long> completions = run.completions();
      fill(
          r,
          published,
          first,
          completions,
          run.failed(),
          calls,
          cpuAfter - cpuBefore,
          commitsBefore == null ? null : commitsAfter - commitsBefore - ourPolls);
      if (r.budget > 0) {
        long[] waited =
            run instanceof ServiceRun service
                ? workWaited(
                    published.keySet(),
                    service.acceptedAt(),
                    completions,
                    processes * options.workers)
                : null;
        budgetFigures(r, allCalls, waited);
      }
      r.machineCpuSecondsPerSaga = (machineAfter - machineBefore) / Math.max(1, r.completed);
      r.notes.add("machine CPU s/saga by process: " + shares.perSagaByProcess(r.completed));
      r.notes.add("contender CPU s/saga by thread: " + shares.perSagaByThread(r.completed));
      if (run instanceof ServiceRun service) {
        intake(r, published, first, service.acceptedAt(), completions);
      }
      if (run instanceof ChildRun child && !child.firstFailures().isEmpty()) {
        r.notes.addAll(child.firstFailures());
      }
    } catch (Exception e) {
      r.error = e.toString();
      say("   FAILED: " + e);
      if (run instanceof ServiceRun service) {
        say(service.logTail(30));
      }
    } finally {
      if (run != null) {
        run.stop();
        run.close();
      }
    }
    say(
        String.format(
            "   %d/%d completed, %.1f sagas/s, p50 %.2f s, p99 %.2f s, %.2f calls/saga, %s tx/saga,"
                + " peak RSS %.0f MB, %.4f CPU s/saga (machine %.4f)%s",
            r.completed,
            r.requests,
            r.sagasPerSecond,
            r.p50Seconds,
            r.p99Seconds,
            r.ninjaOneCallsPerSaga,
            r.postgresTransactionsPerSaga == null ? "-" : fmt(r.postgresTransactionsPerSaga),
            r.peakRssMb,
            r.cpuSecondsPerSaga,
            r.machineCpuSecondsPerSaga,
            r.acceptedPerSecond == null
                ? ""
                : String.format(
                    "; accepted %.1f/s, accepted-to-completed p50 %.2f s",
                    r.acceptedPerSecond, r.acceptedToCompletedP50Seconds)));
    return r;
  }

  private RunResult newResult(
      String group,
      String workload,
      String contender,
      int latencyMs,
      int n,
      double budget,
      int processes,
      Integer seeded) {
    RunResult r = new RunResult();
    r.group = group;
    r.workload = workload;
    r.contender = contender;
    r.latencyMs = latencyMs;
    r.requests = n;
    r.budget = budget;
    r.processes = processes;
    r.workers = options.workers;
    r.seededOrganizations = seeded;
    return r;
  }

  /** A clean simulator at the run's latency and a fresh topic; answers the topic. */
  private String prepareRun(int latencyMs, Integer seeded) {
    runs++;
    simulator.resetAll();
    simulator.setLatency(Duration.ofMillis(latencyMs));
    if (seeded != null && seeded > 0) {
      simulator.seedOrganizations(seeded, "Seeded Org ");
    }
    String topic = "bench-requests-" + runs;
    kafka.createTopic(topic);
    return topic;
  }

  private ContenderRun start(
      String contender, String topic, String groupId, double budget, int processes)
      throws Exception {
    Path dir = work.resolve("run-" + runs);
    if (contender.equals("service")) {
      return ServiceRun.start(
          dir, processes, serviceEnv(topic, groupId, budget), options.serviceJvmOptions);
    }
    Map<String, String> o = new LinkedHashMap<>();
    o.put("bootstrap", broker.bootstrapServers());
    o.put("topic", topic);
    o.put("group", groupId);
    o.put("ninjaone", simulator.baseUrl());
    o.put("client-id", ServiceRun.CLIENT_ID);
    o.put("client-secret", ServiceRun.CLIENT_SECRET);
    o.put("workers", Integer.toString(options.workers));
    o.put("budget", Double.toString(budget));
    o.put("dbos-mode", options.dbosMode);
    return ChildRun.start(contender, dir, o);
  }

  /** The README's settings and nothing else: production defaults, the run's topic and group. */
  private Map<String, String> serviceEnv(String topic, String groupId, double budget) {
    Map<String, String> env = new LinkedHashMap<>(jwt.serviceEnv());
    env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("NINJAONE_BASE_URL", simulator.baseUrl());
    env.put("NINJAONE_CLIENT_ID", ServiceRun.CLIENT_ID);
    env.put("NINJAONE_CLIENT_SECRET", ServiceRun.CLIENT_SECRET);
    env.put("ONBOARDING_RUNNER_WORKERS", Integer.toString(options.workers));
    env.put("MP_MESSAGING_INCOMING_ONBOARDING_REQUESTS_TOPIC", topic);
    env.put("MP_MESSAGING_INCOMING_ONBOARDING_REQUESTS_GROUP_ID", groupId);
    if (budget > 0) {
      env.put("NINJAONE_REQUESTS_PER_SECOND", fmt(budget));
    }
    env.putAll(options.serviceEnv);
    return env;
  }

  /**
   * Waits for {@code n} ended sagas. The service's count is a query on its database, measured with
   * it: asked every 500 ms while many sagas remain and every 100 ms near the end, it costs the
   * database a fifth of what it did, and the measured window still closes within 100 ms of the last
   * saga (the throughput and latencies come from the sagas' own timestamps).
   */
  private static void awaitEnded(ContenderRun run, int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int ended;
    while ((ended = run.completed() + run.failed()) < n) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only "
                + run.completed()
                + " of "
                + n
                + " sagas completed ("
                + run.failed()
                + " failed) within "
                + timeout);
      }
      BenchKafka.sleep(n - ended > 100 ? 500 : 100);
    }
  }

  private void fill(
      RunResult r,
      Map<String, Long> published,
      long first,
      Map<String, Long> completions,
      int failed,
      List<SimCall> calls,
      double cpuSeconds,
      Long commits) {
    List<Double> latencies = new ArrayList<>();
    long last = first;
    for (Map.Entry<String, Long> done : completions.entrySet()) {
      Long at = published.get(done.getKey());
      if (at != null) {
        latencies.add((done.getValue() - at) / 1000.0);
        last = Math.max(last, done.getValue());
      }
    }
    latencies.sort(Double::compare);
    r.completed = latencies.size();
    r.failed = failed;
    r.seconds = (last - first) / 1000.0;
    r.sagasPerSecond = r.seconds > 0 ? r.completed / r.seconds : 0;
    r.p50Seconds = percentile(latencies, 50);
    r.p95Seconds = percentile(latencies, 95);
    r.p99Seconds = percentile(latencies, 99);
    int per = Math.max(1, r.completed);
    r.ninjaOneCallsPerSaga = calls.size() / (double) per;
    r.cpuSecondsPerSaga = cpuSeconds / per;
    r.postgresTransactionsPerSaga = commits == null ? null : commits / (double) per;
  }

  /**
   * What the tenant saw: every call that reached the simulator, token requests included (the budget
   * counts them, see the README), in sliding and calendar one-second windows, per second, and while
   * work waited.
   */
  /**
   * From when more sagas were unfinished than workers could drive (every worker busy, the rest
   * waiting) to when that ended, in wall-clock milliseconds; null when it never happened.
   */
  static long[] workWaited(
      java.util.Set<String> measured,
      Map<String, Long> acceptedAt,
      Map<String, Long> completedAt,
      int workers) {
    List<long[]> changes = new ArrayList<>(); // [time, +1 accepted / -1 completed]
    measured.forEach(
        id -> {
          if (acceptedAt.containsKey(id)) {
            changes.add(new long[] {acceptedAt.get(id), 1});
          }
          if (completedAt.containsKey(id)) {
            changes.add(new long[] {completedAt.get(id), -1});
          }
        });
    changes.sort(
        java.util.Comparator.comparingLong((long[] c) -> c[0]).thenComparingLong(c -> -c[1]));
    long unfinished = 0;
    long from = -1;
    long to = -1;
    for (long[] change : changes) {
      unfinished += change[1];
      if (unfinished > workers) {
        from = from < 0 ? change[0] : from;
        to = -1;
      } else if (from >= 0 && to < 0) {
        to = change[0];
      }
    }
    return from < 0 || to <= from ? null : new long[] {from, to};
  }

  private static void budgetFigures(RunResult r, List<SimCall> logged, long[] waited) {
    if (logged.isEmpty()) {
      return;
    }
    // logged when answered, stamped when they arrived: in arrival order for the figures
    List<SimCall> calls =
        logged.stream().sorted(java.util.Comparator.comparing(SimCall::at)).toList();
    long from = calls.get(0).at().toEpochMilli();
    long to = calls.get(calls.size() - 1).at().toEpochMilli();
    r.callsPerSecond = to > from ? (calls.size() - 1) * 1000.0 / (to - from) : null;
    r.maxCallsInAnySecond = maxInAnySecond(calls);
    r.maxCallsInAlignedSecond =
        calls.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    c -> c.at().getEpochSecond(), java.util.stream.Collectors.counting()))
            .values()
            .stream()
            .mapToInt(Long::intValue)
            .max()
            .orElse(0);
    long sustainedFrom = waited != null ? waited[0] : from + 1000;
    long sustainedTo = waited != null ? waited[1] : to - 2000;
    if (sustainedTo > sustainedFrom) {
      long inside =
          calls.stream()
              .mapToLong(c -> c.at().toEpochMilli())
              .filter(at -> at >= sustainedFrom && at < sustainedTo)
              .count();
      r.sustainedCallsPerSecond = inside * 1000.0 / (sustainedTo - sustainedFrom);
    }
    int[] perSecond = new int[(int) ((to - from) / 1000) + 1];
    calls.forEach(c -> perSecond[(int) ((c.at().toEpochMilli() - from) / 1000)]++);
    r.callsPerSecondTimeline = java.util.Arrays.stream(perSecond).boxed().toList();
    r.throttledCalls = calls.stream().filter(c -> c.status() == 429).count();
  }

  /** Runs {@code fault} after {@code delay}, unless interrupted first (the run ended). */
  private static Thread scheduleFault(Runnable fault, Duration delay) {
    Thread thread =
        new Thread(
            () -> {
              try {
                Thread.sleep(delay.toMillis());
                say("   injecting the mid-run fault");
                fault.run();
              } catch (InterruptedException e) {
                // the run ended first
              }
            },
            "bench-mid-run-fault");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** How fast the service took requests in, and how long an accepted saga then took. */
  private static void intake(
      RunResult r,
      Map<String, Long> published,
      long first,
      Map<String, Long> accepted,
      Map<String, Long> completions) {
    long last = first;
    List<Double> inService = new ArrayList<>();
    int count = 0;
    for (Map.Entry<String, Long> a : accepted.entrySet()) {
      if (published.containsKey(a.getKey())) {
        count++;
        last = Math.max(last, a.getValue());
        Long done = completions.get(a.getKey());
        if (done != null) {
          inService.add((done - a.getValue()) / 1000.0);
        }
      }
    }
    inService.sort(Double::compare);
    r.acceptedPerSecond = last > first ? count * 1000.0 / (last - first) : null;
    r.acceptedToCompletedP50Seconds = percentile(inService, 50);
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  /**
   * The most calls whose arrival falls into any window [t, t + 1 s): the budget must hold in every
   * one.
   */
  static int maxInAnySecond(List<SimCall> calls) {
    long[] at =
        calls.stream()
            .mapToLong(c -> c.at().toEpochMilli() * 1000 + c.at().getNano() / 1000 % 1000)
            .sorted()
            .toArray();
    int best = 0;
    int start = 0;
    for (int end = 0; end < at.length; end++) {
      while (at[end] - at[start] >= 1_000_000) {
        start++;
      }
      best = Math.max(best, end - start + 1);
    }
    return best;
  }

  /**
   * The calls of the saga work (per saga): the token grant is left out here, and so are the device
   * reads that confirm agent deployments after a saga (background work); the budget counts both.
   */
  private List<SimCall> ninjaOneCalls() {
    return simulator.calls().stream()
        .filter(c -> !c.path().startsWith("/ws/oauth") && !c.path().endsWith("/devices"))
        .toList();
  }

  private static double cpu(List<Long> pids) {
    return pids.stream().mapToDouble(ProcStats::cpuSeconds).sum();
  }

  // ---- backlog ----

  /**
   * Memory with a backlog: the requests are all in the topic before the service starts, then it
   * works through them (at 0 ms) for at most --backlog-seconds while its resident memory is sampled
   * every second.
   */
  private RunResult backlog(int n) {
    RunResult r =
        newResult(
            "backlog",
            "backlog " + n + " @ 0 ms (max " + options.backlogSeconds + " s)",
            "service",
            0,
            n,
            0,
            1,
            null);
    say("== " + r.workload);
    String topic = prepareRun(0, null);
    String groupId = "bench-group-" + runs;
    ServiceRun run = null;
    try {
      for (int i = 0; i < n; i++) {
        Events.Event event = Events.newClient("k" + runs + "-" + i);
        kafka.publish(topic, event.clientId(), event.bytes());
      }
      kafka.flush();
      say("   " + n + " requests waiting in " + topic + "; starting the service");
      run =
          ServiceRun.start(
              work.resolve("run-" + runs),
              1,
              serviceEnv(topic, groupId, 0),
              options.serviceJvmOptions);
      long pid = run.pids().get(0);
      double cpuBefore = ProcStats.cpuSeconds(pid);
      long startedAt = System.currentTimeMillis();
      long deadline = startedAt + options.backlogSeconds * 1000L;
      r.rssSamplesMb = new ArrayList<>();
      int completed = 0;
      while (System.currentTimeMillis() < deadline && completed < n && run.allAlive()) {
        BenchKafka.sleep(1000);
        r.rssSamplesMb.add(Math.round(ProcStats.rssMb(pid) * 10) / 10.0);
        completed = run.completed();
      }
      r.seconds = (System.currentTimeMillis() - startedAt) / 1000.0;
      r.peakRssMb = ProcStats.peakRssMb(pid);
      if (options.serviceJvmOptions.contains("NativeMemoryTracking")) {
        // where the resident memory goes, by JVM area (heap, metaspace, code, threads, GC, ...)
        Path nmt = options.out.resolve("nmt-run-" + runs + ".txt");
        jcmd(pid, nmt, "VM.native_memory", "summary");
        r.notes.add("native memory summary: " + nmt);
      }
      r.cpuSecondsPerSaga = (ProcStats.cpuSeconds(pid) - cpuBefore) / Math.max(1, completed);
      r.completed = completed;
      r.sagasPerSecond = completed / r.seconds;
      r.accepted = run.accepted();
      r.ninjaOneCallsPerSaga = ninjaOneCalls().size() / (double) Math.max(1, completed);
      if (!run.allAlive()) {
        r.error = "the service died: " + run.logTail(20);
      } else if (Files.readString(logOf(runs)).contains("OutOfMemoryError")) {
        r.error = "OutOfMemoryError in the service log";
      }
      if (completed < n) {
        r.notes.add(
            "time cap reached: "
                + completed
                + " of "
                + n
                + " completed, "
                + r.accepted
                + " accepted");
      }
    } catch (Exception e) {
      r.error = e.toString();
      say("   FAILED: " + e);
    } finally {
      if (run != null) {
        run.stop();
        run.close();
      }
    }
    say(
        String.format(
            "   %d completed, %s accepted in %.0f s, peak RSS %.0f MB",
            r.completed, r.accepted, r.seconds, r.peakRssMb));
    return r;
  }

  private Path logOf(int run) {
    return work.resolve("run-" + run).resolve("service-service-1.log");
  }

  // ---- profiling ----

  /**
   * A JFR recording of the measured burst only (after warm-up), in the service's process, via jcmd.
   */
  private Path startProfile(ContenderRun run) throws Exception {
    Path file = options.out.resolve("profile-run-" + runs + ".jfr").toAbsolutePath();
    Files.createDirectories(file.getParent());
    jcmd(run.pids().get(0), "JFR.start", "name=bench", "settings=profile", "filename=" + file);
    return file;
  }

  private void stopProfile(ContenderRun run, Path file) throws Exception {
    jcmd(run.pids().get(0), "JFR.stop", "name=bench", "filename=" + file);
  }

  private static void jcmd(long pid, String... command) throws Exception {
    jcmd(pid, null, command);
  }

  /** Runs jcmd against the process; its output goes to {@code output} when given. */
  private static void jcmd(long pid, Path output, String... command) throws Exception {
    List<String> line =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
    line.addAll(List.of(command));
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + text);
    }
    if (output != null) {
      Files.writeString(output, text);
    }
  }

  // ---- PostgreSQL ----

  /**
   * xact_commit of the contender's database, read through another database of the same server
   * ("postgres") so that our reads are never counted; null when the contender has no database.
   */
  private static Long commits(TestDatabase database, boolean afterStop) throws Exception {
    if (database == null) {
      return null;
    }
    String name = database.databaseName();
    try (Connection admin = adminConnection(database);
        PreparedStatement st =
            admin.prepareStatement("SELECT xact_commit FROM pg_stat_database WHERE datname = ?")) {
      // Sessions flush their statistics when they end (else only about once a second, or after 10 s
      // idle):
      // wait until the stopped contender's sessions are gone.
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (afterStop && sessions(admin, name) > 0 && System.nanoTime() < deadline) {
        BenchKafka.sleep(100);
      }
      st.setString(1, name);
      try (ResultSet rows = st.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static int sessions(Connection admin, String database) throws Exception {
    try (PreparedStatement st =
        admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
      st.setString(1, database);
      try (ResultSet rows = st.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /**
   * The same server and credentials, database "postgres" (the database's name is unique, so
   * replacing is safe).
   */
  private static Connection adminConnection(TestDatabase database) throws Exception {
    String url = database.jdbcUrl().replace("/" + database.databaseName(), "/postgres");
    Properties credentials = new Properties();
    credentials.setProperty("user", database.username());
    if (database.password() != null && !database.password().isEmpty()) {
      credentials.setProperty("password", database.password());
    }
    return DriverManager.getConnection(url, credentials);
  }

  // ---- helpers ----

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }

  static String fmt(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.2f", value);
  }

  static void say(String line) {
    System.out.println("[bench] " + line);
    System.out.flush();
  }
}
