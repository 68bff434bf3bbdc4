package org.msp.onboarding.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a burst's machine CPU went: the busy ticks of every process on the machine, by kind (the
 * contender, PostgreSQL, the Kafka broker, this harness with the simulator, anything else), and the
 * contender's own by thread (names with their numbers dropped: "saga-worker-3" counts as
 * "saga-worker-N"). Two snapshots, before and after; "other" is the machine's busy time that no
 * process still running at the end accounts for (processes that ended, the kernel).
 */
final class CpuShares {
  private final Map<String, Double> byKind;
  private final Map<String, Double> contenderThreads;

  private CpuShares(Map<String, Double> byKind, Map<String, Double> threads) {
    this.byKind = byKind;
    this.contenderThreads = threads;
  }

  /** Per process and per contender thread, CPU seconds used so far. */
  static Snapshot take(List<Long> contenderPids) {
    Map<Long, Double> processes = new TreeMap<>();
    Map<Long, String> kinds = new TreeMap<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path p : entries.filter(e -> e.getFileName().toString().matches("\\d+")).toList()) {
        long pid = Long.parseLong(p.getFileName().toString());
        double cpu = ProcStats.cpuSeconds(pid);
        if (cpu >= 0) {
          processes.put(pid, cpu);
          kinds.put(pid, kind(pid, contenderPids));
        }
      }
    } catch (IOException e) {
      // /proc unreadable: no breakdown
    }
    Map<String, Double> threads = new TreeMap<>();
    for (long pid : contenderPids) {
      try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
        for (Path task : tasks.toList()) {
          threads.merge(
              threadGroup(task),
              Math.max(0, ProcStats.cpuSeconds(task.resolve("stat"))),
              Double::sum);
        }
      } catch (IOException e) {
        // the contender ended
      }
    }
    return new Snapshot(processes, kinds, threads, ProcStats.machineCpuSeconds());
  }

  /** CPU seconds of every process and contender thread at one moment. */
  record Snapshot(
      Map<Long, Double> processes,
      Map<Long, String> kinds,
      Map<String, Double> threads,
      double machine) {

    /** What was used between {@code before} and this snapshot. */
    CpuShares since(Snapshot before) {
      Map<String, Double> byKind = new LinkedHashMap<>();
      double known = 0;
      for (Map.Entry<Long, Double> p : processes.entrySet()) {
        double used = p.getValue() - before.processes.getOrDefault(p.getKey(), 0.0);
        byKind.merge(kinds.get(p.getKey()), used, Double::sum);
        known += used;
      }
      byKind.merge("other", Math.max(0, machine - before.machine - known), Double::sum);
      Map<String, Double> threadsUsed = new TreeMap<>();
      threads.forEach(
          (group, cpu) -> threadsUsed.put(group, cpu - before.threads.getOrDefault(group, 0.0)));
      return new CpuShares(byKind, threadsUsed);
    }
  }

  /** "PostgreSQL 0.0041, Kafka broker 0.0012, ..." in CPU seconds per saga, largest first. */
  String perSagaByProcess(int sagas) {
    return perSaga(byKind, sagas, 0);
  }

  /** The contender's threads, in CPU seconds per saga, largest first (those above 1%). */
  String perSagaByThread(int sagas) {
    double total = contenderThreads.values().stream().mapToDouble(Double::doubleValue).sum();
    return perSaga(contenderThreads, sagas, total / 100);
  }

  private static String perSaga(Map<String, Double> seconds, int sagas, double atLeast) {
    return seconds.entrySet().stream()
        .filter(e -> e.getValue() > atLeast)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(
            e ->
                String.format(
                    Locale.ROOT, "%s %.4f", e.getKey(), e.getValue() / Math.max(1, sagas)))
        .collect(Collectors.joining(", "));
  }

  private static String kind(long pid, List<Long> contenderPids) {
    if (contenderPids.contains(pid)) {
      return "contender";
    }
    if (pid == ProcessHandle.current().pid()) {
      return "harness and simulator";
    }
    String command = read(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
    if (command.contains("kafka.Kafka")) {
      return "Kafka broker";
    }
    String name = read(Path.of("/proc", Long.toString(pid), "comm")).trim();
    return name.startsWith("postgres") || command.startsWith("postgres") ? "PostgreSQL" : "other";
  }

  private static String threadGroup(Path task) {
    return read(task.resolve("comm")).trim().replaceAll("\\d+", "N");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
