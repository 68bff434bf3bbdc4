package org.msp.onboarding.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's command line ({@code ./bench --help}). */
final class BenchOptions {
  int requests = 1000;
  List<Integer> latencies = List.of(0, 50);

  /**
   * NinjaOne requests per second for the budget run; 0 skips it; -1 (default, "auto") = 60% of what
   * the raw baseline managed in its burst at the budget latency, so the budget is below what every
   * contender could do on this machine today (60 when there is no such burst).
   */
  double budget = -1;

  int budgetRequests = 400;
  int budgetLatency = 50;
  boolean scaling;

  /**
   * The tenant's budget shared by several service processes, then the same with NinjaOne throttling
   * mid-run.
   */
  boolean sharedBudget;

  double sharedBudgetRate = 30;
  int sharedBudgetRequests = 150;
  int sharedBudgetProcesses = 3;
  boolean costOnly;
  int scalingRequests = 400;
  int seededOrganizations = 20_000;
  int backlog = 50_000;
  int backlogSeconds = 300;
  int workers = 8;

  /** Unmeasured sagas each contender runs first, so all are measured warm. */
  int warmup = 200;

  /**
   * Measured 0-ms bursts of the service and DBOS, in alternating order: the machine's speed drifts
   * by 10-30% between minutes, so the 0-ms targets take the median of the rounds, not one pair.
   */
  int rounds = 3;

  /**
   * Unmeasured raw-baseline sagas before the first burst: the processes every contender shares (the
   * simulator in this harness, the Kafka broker) are compiled by then, not during the first one.
   */
  int sharedWarmup = 3000;

  /** A JFR recording of each measured burst in the contender's (first) process. */
  boolean profile;

  String dbosMode = "pool";
  List<String> contenders = List.of("service", "dbos", "raw");
  Path out = Path.of("target", "bench");
  boolean smoke;

  /**
   * Only the backlog check (e.g. with -XX:NativeMemoryTracking=summary to see where the memory
   * goes).
   */
  boolean backlogOnly;

  /** Extra JVM options for the service process (e.g. a JFR recording while profiling). */
  String serviceJvmOptions = "";

  /**
   * Extra environment for the service (KEY=VALUE,KEY=VALUE): to try a setting before making it the
   * default.
   */
  java.util.Map<String, String> serviceEnv = new java.util.LinkedHashMap<>();

  static final String HELP =
      """
      ./bench [options]
        --requests N          requests per burst (default 1000)
        --latencies 0,50      simulator latencies in ms, one burst per latency and contender (default 0,50)
        --budget R|auto       NinjaOne requests/s for the budget run at --budget-latency ms; 0 skips it (default auto:
                              60% of the raw baseline's calls/s in its burst at that latency, so the budget binds)
        --budget-requests N   requests in the budget run (default 400)
        --scaling             also the scaling checks: 0 vs 20,000 organizations, 1 vs 2 service processes,
                              memory with a backlog of 50,000 requests
        --scaling-requests N  requests per scaling burst (default 400)
        --shared-budget       also: 3 service processes under one NinjaOne budget (calls per 1-s window at the
                              simulator, combined rate), then the same with 429s injected mid-run (drop, recovery)
        --shared-budget-rate R  the shared budget in requests/s (default 30)
        --shared-budget-requests N  requests per shared-budget run (default 150: about 40 s at 30/s)
        --shared-budget-processes P  service processes sharing it (default 3)
        --backlog N           backlog size for the memory check (default 50000)
        --backlog-seconds S   how long the backlog check may run (default 300)
        --backlog-only        only the backlog check
        --cost-only           only the NinjaOne-calls-per-saga check (0 vs 20,000 organizations)
        --warmup N            unmeasured sagas per contender before each measured burst (default 200)
        --rounds N            0-ms bursts of the service and DBOS, first one then the other in turn; the 0-ms targets
                              take the median of the rounds (default 3)
        --shared-warmup N     unmeasured raw-baseline sagas before the first burst, so the simulator and the Kafka
                              broker that every contender shares are warm for the first one too (default 3000)
        --workers W           sagas in flight per contender (the service's ONBOARDING_RUNNER_WORKERS; default 8)
        --dbos-mode pool|queue  DBOS started from a fixed thread pool (default) or its queue
        --profile             record each measured burst with JFR (target/bench/profile-run-N.jfr)
        --service-env K=V,..  extra environment for the service (to try a setting)
        --service-jvm-options O  extra JVM options for the service (JAVA_TOOL_OPTIONS)
        --contenders a,b,c    subset of service,dbos,raw
        --out DIR             where results go (default target/bench)
        --smoke               tiny run that proves the command works: 20 requests at 0 ms, budget run of 40, no scaling
      """;

  static BenchOptions parse(String[] args) {
    BenchOptions o = new BenchOptions();
    Map<String, String> kv = keyValues(args);
    if (kv.containsKey("help")) {
      System.out.print(HELP);
      System.exit(0);
    }
    if (kv.containsKey("smoke")) {
      o.smoke = true;
      o.requests = 20;
      o.latencies = List.of(0);
      o.budget = 40;
      o.budgetRequests = 20;
      o.budgetLatency = 0;
      o.warmup = 5;
      o.rounds = 1;
      o.sharedWarmup = 0;
    }
    for (Map.Entry<String, String> e : kv.entrySet()) {
      String v = e.getValue();
      switch (e.getKey()) {
        case "smoke", "help" -> {}
        case "requests" -> o.requests = Integer.parseInt(v);
        case "latencies" -> o.latencies = ints(v);
        case "budget" -> o.budget = v.equals("auto") ? -1 : Double.parseDouble(v);
        case "budget-requests" -> o.budgetRequests = Integer.parseInt(v);
        case "budget-latency" -> o.budgetLatency = Integer.parseInt(v);
        case "scaling" -> o.scaling = true;
        case "cost-only" -> o.costOnly = true;
        case "scaling-requests" -> o.scalingRequests = Integer.parseInt(v);
        case "shared-budget" -> o.sharedBudget = true;
        case "shared-budget-rate" -> o.sharedBudgetRate = Double.parseDouble(v);
        case "shared-budget-requests" -> o.sharedBudgetRequests = Integer.parseInt(v);
        case "shared-budget-processes" -> o.sharedBudgetProcesses = Integer.parseInt(v);
        case "seeded" -> o.seededOrganizations = Integer.parseInt(v);
        case "backlog" -> o.backlog = Integer.parseInt(v);
        case "backlog-seconds" -> o.backlogSeconds = Integer.parseInt(v);
        case "workers" -> o.workers = Integer.parseInt(v);
        case "warmup" -> o.warmup = Integer.parseInt(v);
        case "rounds" -> o.rounds = Math.max(1, Integer.parseInt(v));
        case "shared-warmup" -> o.sharedWarmup = Integer.parseInt(v);
        case "profile" -> o.profile = true;
        case "backlog-only" -> o.backlogOnly = true;
        case "dbos-mode" -> o.dbosMode = v;
        case "contenders" -> o.contenders = List.of(v.split(","));
        case "out" -> o.out = Path.of(v);
        case "service-jvm-options" -> o.serviceJvmOptions = v;
        case "service-env" -> {
          for (String pair : v.split(",")) {
            o.serviceEnv.put(
                pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
          }
        }
        default ->
            throw new IllegalArgumentException("unknown option --" + e.getKey() + "\n" + HELP);
      }
    }
    return o;
  }

  /** {@code --key value} and bare {@code --flag} (value "true"). */
  static Map<String, String> keyValues(String[] args) {
    Map<String, String> kv = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option, got " + args[i]);
      }
      String key = args[i].substring(2);
      int eq = key.indexOf('=');
      if (eq >= 0) {
        kv.put(key.substring(0, eq), key.substring(eq + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        kv.put(key, args[++i]);
      } else {
        kv.put(key, "true");
      }
    }
    return kv;
  }

  private static List<Integer> ints(String csv) {
    List<Integer> values = new ArrayList<>();
    for (String part : csv.split(",")) {
      if (!part.isBlank()) { // --latencies "" runs no burst (e.g. with --shared-budget alone)
        values.add(Integer.parseInt(part.trim()));
      }
    }
    return values;
  }
}
