package org.msp.onboarding.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * results.json, results.md and chart.png from the runs' figures; also judges the targets.
 */
final class Report {
  private Report() {}

  /** One of the targets and whether this run met it. */
  record Target(String target, String measured, Boolean met) {}

  /** Throughput and p99 of the service relative to a competitor on one workload. */
  record Ratio(String workload, String versus, Double throughput, Double p99) {}

  static void write(
      BenchOptions options, List<RunResult> results, Instant started, String loadAtStart)
      throws IOException {
    Files.createDirectories(options.out);
    List<Ratio> ratios = ratios(results);
    List<Target> targets = targets(options, results);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("generatedAt", Instant.now().toString());
    json.put("durationSeconds", Duration.between(started, Instant.now()).toSeconds());
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("loadAverageAtStart", loadAtStart);
    machine.put("java", System.getProperty("java.version"));
    json.put("machine", machine);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("requests", options.requests);
    settings.put("latenciesMs", options.latencies);
    settings.put(
        "budget",
        options.budget < 0 ? "auto (60% of raw's calls/s at the budget latency)" : options.budget);
    settings.put("budgetRequests", options.budgetRequests);
    settings.put("workers", options.workers);
    settings.put("warmup", options.warmup);
    settings.put("dbosMode", options.dbosMode);
    settings.put("smoke", options.smoke);
    settings.put("scaling", options.scaling);
    json.put("options", settings);
    json.put("results", results);
    json.put("ratios", ratios);
    json.put("targets", targets);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(options.out.resolve("results.json").toFile(), json);
    Files.writeString(
        options.out.resolve("results.md"),
        markdown(options, results, ratios, targets, loadAtStart));
    Chart.write(results, options.out.resolve("chart.png"));
    Benchmark.say("wrote " + options.out.resolve("results.json") + ", results.md, chart.png");
    System.out.println(Files.readString(options.out.resolve("results.md")));
  }

  static List<Ratio> ratios(List<RunResult> results) {
    List<Ratio> ratios = new ArrayList<>();
    for (RunResult service : results) {
      if (!service.contender.equals("service")
          || !(service.group.equals("burst")
              || service.group.equals("burst-round")
              || service.group.equals("budget"))) {
        continue;
      }
      for (String other : List.of("dbos", "raw")) {
        find(results, service.workload, other)
            .ifPresent(
                o ->
                    ratios.add(
                        new Ratio(
                            service.workload,
                            other,
                            o.sagasPerSecond > 0 ? service.sagasPerSecond / o.sagasPerSecond : null,
                            o.p99Seconds > 0 ? service.p99Seconds / o.p99Seconds : null)));
      }
    }
    return ratios;
  }

  static List<Target> targets(BenchOptions options, List<RunResult> results) {
    List<Target> targets = new ArrayList<>();
    String zero = burstLabel(options, 0);
    String fifty = burstLabel(options, 50);
    Optional<RunResult> service0 = find(results, zero, "service");
    List<RunResult[]> rounds = zeroLatencyRounds(options, results);
    if (!rounds.isEmpty()) {
      List<Double> throughput =
          rounds.stream().map(r -> r[0].sagasPerSecond / r[1].sagasPerSecond).toList();
      List<Double> cpu =
          rounds.stream()
              .map(r -> r[0].machineCpuSecondsPerSaga / r[1].machineCpuSecondsPerSaga)
              .toList();
      double throughputRatio = median(throughput);
      double cpuRatio = median(cpu);
      RunResult[] first = rounds.get(0);
      targets.add(
          new Target(
              "0 ms: throughput >= 1.0x DBOS (stretch goal 1.5x)",
              String.format(
                  Locale.ROOT,
                  "%.2fx, median of %d round%s (%s; round 1: %.1f vs %.1f sagas/s)",
                  throughputRatio,
                  rounds.size(),
                  rounds.size() == 1 ? "" : "s",
                  listed(throughput),
                  first[0].sagasPerSecond,
                  first[1].sagasPerSecond),
              throughputRatio >= 1.0));
      targets.add(
          new Target(
              "0 ms: machine CPU per saga <= DBOS's",
              String.format(
                  Locale.ROOT,
                  "%.2fx DBOS's, median of %d (%s; round 1: %.4f vs %.4f s)",
                  cpuRatio,
                  rounds.size(),
                  listed(cpu),
                  first[0].machineCpuSecondsPerSaga,
                  first[1].machineCpuSecondsPerSaga),
              cpuRatio <= 1.0));
    }
    service0
        .filter(s -> s.postgresTransactionsPerSaga != null)
        .ifPresent(
            s ->
                targets.add(
                    new Target(
                        "0 ms: <= 5 PostgreSQL transactions per saga",
                        String.format(Locale.ROOT, "%.2f", s.postgresTransactionsPerSaga),
                        s.postgresTransactionsPerSaga <= 5)));
    Optional<RunResult> service50 = find(results, fifty, "service");
    Optional<RunResult> raw50 = find(results, fifty, "raw");
    if (service50.isPresent() && raw50.isPresent() && raw50.get().sagasPerSecond > 0) {
      double ratio = service50.get().sagasPerSecond / raw50.get().sagasPerSecond;
      targets.add(
          new Target(
              "50 ms: throughput >= 95% of raw",
              String.format(
                  Locale.ROOT,
                  "%.1f%% (%.2f vs %.2f sagas/s)",
                  ratio * 100,
                  service50.get().sagasPerSecond,
                  raw50.get().sagasPerSecond),
              ratio >= 0.95));
    }
    results.stream()
        .filter(r -> r.group.equals("budget") && r.contender.equals("service"))
        .findFirst()
        .ifPresent(
            b -> {
              if (b.callsPerSecond != null) {
                double used = b.callsPerSecond / b.budget;
                targets.add(
                    new Target(
                        "budget used within 5%",
                        String.format(
                            Locale.ROOT,
                            "%.1f of %s req/s (%.1f%%)",
                            b.callsPerSecond,
                            Benchmark.fmt(b.budget),
                            used * 100),
                        used >= 0.95 && used <= 1.0 + 1e-9));
              }
              if (b.maxCallsInAnySecond != null) {
                targets.add(
                    new Target(
                        "budget never exceeded (any sliding 1 s window at the simulator)",
                        b.maxCallsInAnySecond
                            + " calls at most vs "
                            + Benchmark.fmt(b.budget)
                            + " (calendar seconds: at most "
                            + b.maxCallsInAlignedSecond
                            + ")",
                        b.maxCallsInAnySecond <= b.budget));
              }
            });
    results.stream()
        .filter(r -> r.group.startsWith("shared-budget") && r.maxCallsInAnySecond != null)
        .forEach(
            b -> {
              targets.add(
                  new Target(
                      b.workload
                          + ": never above the budget (any sliding 1 s window, all processes)",
                      b.maxCallsInAnySecond + " calls at most vs " + Benchmark.fmt(b.budget),
                      b.maxCallsInAnySecond <= b.budget));
              if (b.group.equals("shared-budget") && b.sustainedCallsPerSecond != null) {
                double used = b.sustainedCallsPerSecond / b.budget;
                targets.add(
                    new Target(
                        b.workload + ": combined rate within 10% of the budget while work waited",
                        String.format(
                            Locale.ROOT,
                            "%.1f of %s req/s (%.1f%%)",
                            b.sustainedCallsPerSecond,
                            Benchmark.fmt(b.budget),
                            used * 100),
                        used >= 0.9 && used <= 1.0 + 1e-9));
              }
            });
    results.stream()
        .filter(r -> r.group.equals("backlog"))
        .findFirst()
        .ifPresent(
            b ->
                targets.add(
                    new Target(
                        "RSS <= 240 MB with a " + b.requests + " backlog, no OOM",
                        String.format(
                            Locale.ROOT,
                            "peak %.0f MB%s",
                            b.peakRssMb,
                            b.error == null ? "" : "; " + b.error),
                        b.error == null && b.peakRssMb > 0 && b.peakRssMb <= 240)));
    List<RunResult> cost =
        results.stream().filter(r -> r.group.equals("cost") && r.completed > 0).toList();
    if (cost.size() == 2) {
      // How many name checks share one listing call depends on timing: 2% either way is noise, not
      // growth.
      targets.add(
          new Target(
              "NinjaOne calls per saga do not grow with "
                  + cost.get(1).seededOrganizations
                  + " organizations (within 2%)",
              String.format(
                  Locale.ROOT,
                  "%.2f vs %.2f",
                  cost.get(0).ninjaOneCallsPerSaga,
                  cost.get(1).ninjaOneCallsPerSaga),
              cost.get(1).ninjaOneCallsPerSaga <= cost.get(0).ninjaOneCallsPerSaga * 1.02));
    }
    return targets;
  }

  static String burstLabel(BenchOptions options, int latency) {
    return "burst " + options.requests + " @ " + latency + " ms";
  }

  static String roundLabel(BenchOptions options, int round) {
    return burstLabel(options, 0) + ", round " + round;
  }

  /** [service, DBOS] of each 0-ms round that both completed, round 1 first. */
  static List<RunResult[]> zeroLatencyRounds(BenchOptions options, List<RunResult> results) {
    List<RunResult[]> rounds = new ArrayList<>();
    for (int round = 1; round <= options.rounds; round++) {
      String label = round == 1 ? burstLabel(options, 0) : roundLabel(options, round);
      Optional<RunResult> service = find(results, label, "service");
      Optional<RunResult> dbos = find(results, label, "dbos");
      if (service.isPresent()
          && dbos.isPresent()
          && service.get().sagasPerSecond > 0
          && dbos.get().sagasPerSecond > 0) {
        rounds.add(new RunResult[] {service.get(), dbos.get()});
      }
    }
    return rounds;
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String listed(List<Double> values) {
    return values.stream()
        .map(v -> String.format(Locale.ROOT, "%.2fx", v))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static Optional<RunResult> find(
      List<RunResult> results, String workload, String contender) {
    return results.stream()
        .filter(r -> r.workload.equals(workload) && r.contender.equals(contender))
        .findFirst();
  }

  private static String markdown(
      BenchOptions options,
      List<RunResult> results,
      List<Ratio> ratios,
      List<Target> targets,
      String load) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark: the service, DBOS Transact and a raw-call baseline\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d cores, load average at start %s, Java %s. Every contender reads the same"
                + " requests from its own fresh Kafka topic and keeps %d sagas in flight (DBOS: %s); each runs %d unmeasured"
                + " sagas first. Latency = request handed to the Kafka producer to saga completed. PG tx = xact_commit of"
                + " the contender's own database. CPU and RSS: /proc of the contender's JVM(s); machine CPU: busy CPU"
                + " seconds of every process on the machine (PostgreSQL, Kafka, the simulator and this harness too).%s%n%n",
            Runtime.getRuntime().availableProcessors(),
            load,
            System.getProperty("java.version"),
            options.workers,
            options.dbosMode.equals("pool")
                ? "a fixed pool of threads calling the workflow"
                : "a DBOS queue with that worker concurrency",
            options.warmup,
            options.smoke
                ? " **Smoke run: the figures prove the command works, nothing more.**"
                : ""));
    md.append(
        "| workload | contender | done | sagas/s | p50 s | p95 s | p99 s | NinjaOne calls/saga |"
            + " PG tx/saga | peak RSS MB | CPU s/saga | machine CPU s/saga |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (RunResult r : results) {
      if (r.group.equals("backlog")) {
        continue;
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s%s | %d/%d | %.1f | %.2f | %.2f | %.2f | %.2f | %s | %.0f | %.4f | %.4f |%n",
              r.workload,
              r.contender,
              r.processes > 1 ? " x" + r.processes : "",
              r.completed,
              r.requests,
              r.sagasPerSecond,
              r.p50Seconds,
              r.p95Seconds,
              r.p99Seconds,
              r.ninjaOneCallsPerSaga,
              r.postgresTransactionsPerSaga == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.2f", r.postgresTransactionsPerSaga),
              r.peakRssMb,
              r.cpuSecondsPerSaga,
              r.machineCpuSecondsPerSaga));
    }
    results.stream()
        .filter(r -> r.group.equals("budget") && r.callsPerSecond != null)
        .forEach(
            r ->
                md.append(
                    String.format(
                        Locale.ROOT,
                        "%nBudget run, %s: %.1f NinjaOne calls/s on average, at most %d in any sliding"
                            + " 1-s window and %d in any calendar second, as they arrived at the simulator (budget %s).",
                        r.contender,
                        r.callsPerSecond,
                        r.maxCallsInAnySecond,
                        r.maxCallsInAlignedSecond,
                        Benchmark.fmt(r.budget))));
    results.stream()
        .filter(r -> r.group.startsWith("shared-budget") && r.callsPerSecondTimeline != null)
        .forEach(
            r ->
                md.append(
                    String.format(
                        Locale.ROOT,
                        "%n%nShared budget, %s: %.1f calls/s while work waited"
                            + " (%.1f over the whole run), at most %d in any sliding 1-s window, %d answered 429; calls per"
                            + " second from the first: %s",
                        r.workload,
                        r.sustainedCallsPerSecond == null ? 0 : r.sustainedCallsPerSecond,
                        r.callsPerSecond,
                        r.maxCallsInAnySecond,
                        r.throttledCalls,
                        r.callsPerSecondTimeline)));
    md.append(
        "\n\n## Ratios (service / competitor)\n\n| workload | versus | throughput | p99 latency |\n|---|---|---|---|\n");
    for (Ratio ratio : ratios) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s |%n",
              ratio.workload(),
              ratio.versus(),
              ratio.throughput() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.2fx", ratio.throughput()),
              ratio.p99() == null ? "-" : String.format(Locale.ROOT, "%.2fx", ratio.p99())));
    }
    results.stream()
        .filter(r -> r.group.equals("backlog"))
        .forEach(
            b ->
                md.append(
                    String.format(
                        Locale.ROOT,
                        "%n## Backlog%n%n%s: %d accepted, %d completed in %.0f s (%.1f sagas/s), peak RSS %.0f MB, %.4f CPU s/saga, "
                            + "RSS samples (MB, 1/s) max %.0f%s%n",
                        b.workload,
                        b.accepted == null ? 0 : b.accepted,
                        b.completed,
                        b.seconds,
                        b.sagasPerSecond,
                        b.peakRssMb,
                        b.cpuSecondsPerSaga,
                        b.rssSamplesMb == null
                            ? 0
                            : b.rssSamplesMb.stream()
                                .mapToDouble(Double::doubleValue)
                                .max()
                                .orElse(0),
                        b.error == null ? "" : "; ERROR " + b.error)));
    md.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
    for (Target t : targets) {
      md.append("| ")
          .append(t.target())
          .append(" | ")
          .append(t.measured())
          .append(" | ")
          .append(t.met() == null ? "-" : t.met() ? "yes" : "**no**")
          .append(" |\n");
    }
    List<String> notes = new ArrayList<>();
    for (RunResult r : results) {
      if (r.error != null) {
        notes.add(r.workload + " / " + r.contender + ": ERROR " + r.error);
      }
      r.notes.forEach(n -> notes.add(r.workload + " / " + r.contender + ": " + n));
    }
    if (!notes.isEmpty()) {
      md.append("\n## Notes\n\n");
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    return md.toString();
  }
}
