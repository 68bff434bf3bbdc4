package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.msp.onboarding.deploy.MonitoringPack;
import org.msp.onboarding.deploy.PromQlMetricNames;
import org.msp.onboarding.harness.ServiceProcess;
import org.msp.onboarding.harness.tools.RequiresTool;
import org.msp.onboarding.harness.tools.Tool;

/**
 * Every metric the monitoring pack's alerts and dashboard query exists in a running service's
 * /q/metrics. The service runs here with a request budget (its meters exist only then), in place of
 * the shared instance, so one process does all the work and shows every meter; the activity that
 * makes the lazily registered meters appear (a step, a retry, NinjaOne calls, a dead letter) is
 * done by the test, never excluded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringPackIT extends StackTest {
  private ServiceProcess own;

  @BeforeAll
  void startServiceWithARequestBudget() {
    TestStack shared = TestStack.get();
    shared.service.stop();
    Map<String, String> env = new LinkedHashMap<>(shared.serviceEnv());
    env.put("QUARKUS_HTTP_PORT", Integer.toString(shared.service.httpPort()));
    env.put("NINJAONE_REQUESTS_PER_SECOND", "200");
    Path workDir =
        Path.of(System.getProperty("it.work.dir", "target/it")).resolve("monitoring-pack");
    own = ServiceProcess.start("monitoring", workDir, env);
    own.awaitReady(Duration.ofSeconds(90));
  }

  @AfterAll
  void restoreSharedService() {
    if (own != null) {
      own.stop();
    }
    TestStack.get().service.restart(Duration.ofSeconds(90));
  }

  @RequiresTool(Tool.KUBECTL)
  @Test
  void everyMetricTheAlertsAndTheDashboardQueryExistsInTheServicesMetrics() throws IOException {
    Map<String, String> queries = new LinkedHashMap<>();
    for (String overlay : new String[] {"dev", "prod"}) {
      queries.putAll(MonitoringPack.render(overlay).queries());
    }
    assertFalse(queries.isEmpty(), "the pack queries something");
    queries.forEach(
        (where, expr) ->
            assertFalse(PromQlMetricNames.of(expr).isEmpty(), where + " reads a metric"));

    runOneOnboardingWithARetryAndOneDeadLetter();

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertEquals(Map.of(), missing(queries, sampleNames(keptScrape()))));
  }

  @Test
  void stepAndNinjaOneCallTimersPublishHistogramBucketsAndNoBuiltInMeterCountsTheCallsAgain() {
    runOneOnboardingWithARetryAndOneDeadLetter();
    String scrape = scrape();
    assertTrue(
        scrape.contains("onboarding_step_duration_seconds_bucket{")
            && scrape.contains("ninjaone_calls_seconds_bucket{"),
        "histogram buckets of both timers");
    assertTrue(
        scrape.matches("(?s).*ninjaone_calls_seconds_bucket\\{[^}]*le=\"0\\.25\".*"),
        "the fixed 250 ms bucket");
    Set<String> names = sampleNames(scrape);
    assertTrue(
        names.stream().noneMatch(n -> n.startsWith("http_client_requests")),
        "Quarkus' HTTP-client meters would count every NinjaOne call a second time");
  }

  private void runOneOnboardingWithARetryAndOneDeadLetter() {
    ninjaOne.failNext("PUT", "/v2/organization/\\d+/policies", 1, 503);
    Events.Event event = Events.newClient("monitoring-pack");
    stack.publish(event);
    stack.publish(
        "not-json-" + UUID.randomUUID(),
        "this is not an onboarding request {".getBytes(StandardCharsets.UTF_8));
    api.awaitStatus(event.clientId(), "COMPLETED");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                scrape()
                    .matches(
                        "(?s).*\nonboarding_requests_dead_lettered_total(\\{[^}]*\\})? [1-9].*"));
  }

  /** Query location -> the metric names it reads that the scrape lacks. */
  private static Map<String, Set<String>> missing(Map<String, String> queries, Set<String> have) {
    Map<String, Set<String>> missing = new TreeMap<>();
    queries.forEach(
        (where, expr) -> {
          Set<String> absent = new TreeSet<>(PromQlMetricNames.of(expr));
          absent.removeAll(have);
          if (!absent.isEmpty()) {
            missing.put(where, absent);
          }
        });
    return missing;
  }

  /** The sample names of a Prometheus text scrape: each line's name before its labels or value. */
  private static Set<String> sampleNames(String scrape) {
    Set<String> names = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int end = 0;
      while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
        end++;
      }
      names.add(line.substring(0, end));
    }
    return names;
  }

  /** A scrape, also written next to the service's log for a look when the check fails. */
  private String keptScrape() throws IOException {
    String scrape = scrape();
    Files.writeString(own.logFile().resolveSibling("metrics-scrape.txt"), scrape);
    return scrape;
  }

  private String scrape() {
    return stack.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
  }
}
