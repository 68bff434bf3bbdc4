package org.msp.onboarding.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The service under test: the packaged Quarkus app as one or more processes on a fresh database, configured
 * only through the environment a user would set (README), consuming the run's topic with the run's group.
 */
final class ServiceRun implements ContenderRun {
  static final String CLIENT_ID = "bench-client";
  static final String CLIENT_SECRET = "bench-secret";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final TestDatabase database;
  private final List<ServiceProcess> instances = new ArrayList<>();
  private final List<Long> pids = new ArrayList<>();

  private ServiceRun(TestDatabase database) {
    this.database = database;
  }

  /** Starts {@code processes} instances and waits until each is ready. */
  static ServiceRun start(Path workDir, int processes, Map<String, String> commonEnv, String extraJvmOptions) {
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

  /** Read from /q/metrics (no token, no database query): the sagas counted at their final commit. */
  @Override
  public int completed() {
    return (int) metric("onboarding_sagas_completed_total");
  }

  @Override
  public int failed() {
    return (int) (metric("onboarding_sagas_compensated_total") + metric("onboarding_sagas_failed_total"));
  }

  private double metric(String name) {
    double sum = 0;
    for (ServiceProcess instance : instances) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/q/metrics"))
          .timeout(Duration.ofSeconds(5)).header("Accept", "text/plain").build();
      try {
        String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        for (String line : body.split("\n")) {
          if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
            sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          }
        }
      } catch (Exception e) {
        // an instance between two answers: count it at the next poll
      }
    }
    return sum;
  }

  /** Read after the run, when the service's commit count has been taken. */
  @Override
  public Map<String, Long> completions() throws Exception {
    Map<String, Long> done = new HashMap<>();
    try (Connection c = database.connect(); Statement st = c.createStatement();
        ResultSet rows = st.executeQuery("SELECT client_id, (extract(epoch FROM finished_at) * 1000)::bigint"
            + " FROM saga WHERE status = 'COMPLETED'")) {
      while (rows.next()) {
        done.put(rows.getString(1), rows.getLong(2));
      }
    }
    return done;
  }

  /** Sagas the service has accepted so far (for the backlog check). */
  int accepted() throws Exception {
    try (Connection c = database.connect(); Statement st = c.createStatement();
        ResultSet rows = st.executeQuery("SELECT count(*) FROM saga")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Override
  public String databaseName() {
    return database.databaseName();
  }

  TestDatabase database() {
    return database;
  }

  String logTail(int lines) {
    StringBuilder tails = new StringBuilder();
    instances.forEach(i -> tails.append(i.name()).append(":\n").append(i.logTail(lines)).append('\n'));
    return tails.toString();
  }

  boolean allAlive() {
    return instances.stream().allMatch(ServiceProcess::isAlive);
  }

  @Override
  public void stop() {
    instances.forEach(ServiceProcess::close);
  }

  @Override
  public void close() {
    database.close();
  }
}
