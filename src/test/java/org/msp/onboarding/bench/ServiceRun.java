package org.msp.onboarding.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.msp.onboarding.harness.ServiceProcess;
import org.msp.onboarding.harness.TestDatabase;

/**
 * The service under test: the packaged Quarkus app as one or more processes on a fresh database,
 * configured only through the environment a user would set (README), consuming the run's topic with
 * the run's group.
 */
final class ServiceRun implements ContenderRun {
  static final String CLIENT_ID = "bench-client";
  static final String CLIENT_SECRET = "bench-secret";

  private final TestDatabase database;
  private final List<ServiceProcess> instances = new ArrayList<>();
  private final List<Long> pids = new ArrayList<>();
  private Connection poller;
  private long polls;
  private int[] lastCounts;
  private long lastCountAt;

  private ServiceRun(TestDatabase database) {
    this.database = database;
  }

  /** Starts {@code processes} instances and waits until each is ready. */
  static ServiceRun start(
      Path workDir, int processes, Map<String, String> commonEnv, String extraJvmOptions) {
    ServiceRun run = new ServiceRun(TestDatabase.create());
    try {
      for (int i = 1; i <= processes; i++) {
        Map<String, String> env = new LinkedHashMap<>(commonEnv);
        env.putAll(run.database.quarkusEnv());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ServiceProcess.freePort()));
        if (!extraJvmOptions.isBlank()) {
          env.put("JAVA_TOOL_OPTIONS", extraJvmOptions);
        }
        // ServiceProcess keeps its Process to itself: the new child of this JVM is the instance.
        Set<Long> before = children();
        ServiceProcess instance = ServiceProcess.start("service-" + i, workDir, env);
        run.instances.add(instance);
        Set<Long> started = children();
        started.removeAll(before);
        if (started.size() != 1) {
          throw new IllegalStateException("cannot tell the service's process among " + started);
        }
        run.pids.add(started.iterator().next());
      }
      for (ServiceProcess instance : run.instances) {
        instance.awaitReady(Duration.ofSeconds(120));
      }
      return run;
    } catch (RuntimeException e) {
      run.stop();
      run.close();
      throw e;
    }
  }

  private static Set<Long> children() {
    return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  @Override
  public List<Long> pids() {
    return pids;
  }

  /**
   * Polled from the service's database (one query, one transaction, counted in {@link #polls()} so
   * the commit figure can leave it out). Not /q/metrics: rendering every meter ten times a second
   * cost the service more CPU than some of its own work, as a first profile showed.
   */
  @Override
  public int completed() {
    return counts()[0];
  }

  @Override
  public int failed() {
    return counts()[1];
  }

  /**
   * Ended sagas, read at most every 100 ms however often asked: [completed, rolled back or failed].
   */
  private synchronized int[] counts() {
    long now = System.nanoTime();
    if (lastCounts != null && now - lastCountAt < 100_000_000L) {
      return lastCounts;
    }
    try {
      if (poller == null) {
        poller = database.connect();
      }
      try (Statement st = poller.createStatement();
          ResultSet rows =
              st.executeQuery(
                  "SELECT count(*) FILTER (WHERE status = 'COMPLETED'),"
                      + " count(*) FILTER (WHERE status IN ('COMPENSATED', 'FAILED')) FROM saga")) {
        polls++;
        rows.next();
        lastCounts = new int[] {rows.getInt(1), rows.getInt(2)};
        lastCountAt = now;
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot count the service's sagas", e);
    }
    return lastCounts;
  }

  /** Transactions this run's polls added to the service's database. */
  @Override
  public synchronized long polls() {
    return polls;
  }

  /** Read after the run, when the service's commit count has been taken. */
  @Override
  public Map<String, Long> completions() throws Exception {
    Map<String, Long> done = new HashMap<>();
    try (Connection c = database.connect();
        Statement st = c.createStatement();
        ResultSet rows =
            st.executeQuery(
                "SELECT client_id, (extract(epoch FROM finished_at) * 1000)::bigint"
                    + " FROM saga WHERE status = 'COMPLETED'")) {
      while (rows.next()) {
        done.put(rows.getString(1), rows.getLong(2));
      }
    }
    return done;
  }

  /** clientId to the wall-clock millisecond its request was accepted (saga.created_at). */
  Map<String, Long> acceptedAt() throws Exception {
    Map<String, Long> accepted = new HashMap<>();
    try (Connection c = database.connect();
        Statement st = c.createStatement();
        ResultSet rows =
            st.executeQuery(
                "SELECT client_id, (extract(epoch FROM created_at) * 1000)::bigint FROM saga")) {
      while (rows.next()) {
        accepted.put(rows.getString(1), rows.getLong(2));
      }
    }
    return accepted;
  }

  /** Sagas the service has accepted so far (for the backlog check). */
  int accepted() throws Exception {
    try (Connection c = database.connect();
        Statement st = c.createStatement();
        ResultSet rows = st.executeQuery("SELECT count(*) FROM saga")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /**
   * The request budget's counters from every instance's /q/metrics, summed: what pacing cost and
   * lost.
   */
  String budgetCounters() {
    String[] names = {
      "ninjaone_budget_wait_seconds_count",
      "ninjaone_budget_reservations_total",
      "ninjaone_budget_missed_slots_total",
      "ninjaone_budget_throttles_total"
    };
    double[] sums = new double[names.length];
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    for (ServiceProcess instance : instances) {
      try {
        String text =
            http.send(
                    java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(instance.baseUrl() + "/q/metrics"))
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        for (String line : text.split("\n")) {
          for (int i = 0; i < names.length; i++) {
            if (line.startsWith(names[i] + " ") || line.startsWith(names[i] + "{")) {
              String sample = line.split(" # ")[0]; // an exemplar may follow the value
              sums[i] += Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
            }
          }
        }
      } catch (Exception e) {
        return "metrics unavailable: " + e;
      }
    }
    return String.format(
        java.util.Locale.ROOT,
        "%.0f calls paced, %.0f reservations (%.3f per call), %.0f slots"
            + " missed, %.0f throttles",
        sums[0],
        sums[1],
        sums[1] / Math.max(1, sums[0]),
        sums[2],
        sums[3]);
  }

  @Override
  public TestDatabase database() {
    return database;
  }

  String logTail(int lines) {
    StringBuilder tails = new StringBuilder();
    instances.forEach(
        i -> tails.append(i.name()).append(":\n").append(i.logTail(lines)).append('\n'));
    return tails.toString();
  }

  boolean allAlive() {
    return instances.stream().allMatch(ServiceProcess::isAlive);
  }

  @Override
  public void stop() {
    instances.forEach(ServiceProcess::close);
    synchronized (this) {
      if (poller != null) {
        try {
          poller.close();
        } catch (Exception ignored) {
          // only our reading connection
        }
        poller = null;
      }
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
