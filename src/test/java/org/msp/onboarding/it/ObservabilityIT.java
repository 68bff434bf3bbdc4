package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.simulator.SimCall;

class ObservabilityIT extends StackTest {

  private double metric(String scrape, String name) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)( #.*)?$")
            .matcher(scrape);
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(2));
    }
    return total;
  }

  private String scrape() {
    return stack.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  @Test
  void metricsScrapeShowsTheSagaCountersMoving() {
    String before = scrape();
    Events.Event event = Events.newClient("metrics");
    stack.publish(event);
    api.awaitStatus(event.clientId(), "COMPLETED");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              String after = scrape();
              assertEquals(
                  metric(before, "onboarding_sagas_started_total") + 1,
                  metric(after, "onboarding_sagas_started_total"));
              assertEquals(
                  metric(before, "onboarding_sagas_completed_total") + 1,
                  metric(after, "onboarding_sagas_completed_total"));
              assertTrue(metric(after, "onboarding_sagas_current") >= 1);
            });
    String after = scrape();
    assertTrue(
        after.contains("ninjaone_calls_seconds_count{endpoint=\"POST /v2/organizations\""),
        "NinjaOne latency");
    assertTrue(after.contains("onboarding_step_duration_seconds_count"), "step durations");
    assertTrue(after.contains("onboarding_sagas_due_backlog"), "due backlog");
    assertTrue(after.contains("onboarding_outbox_lag_seconds"), "outbox lag");
    assertTrue(after.contains("onboarding_requests_dead_lettered_total"), "DLQ records");
  }

  @Test
  void ninjaOneOutageShowsInItsHealthGroupWhileThePodStaysReady() {
    // an outage of every API call until the test ends it: the saga's calls and the background
    // device reads fail alike, so no good answer closes the window early
    ninjaOne.failNext("*", "/v2/.*", 10_000, 503);
    Events.Event event = Events.newClient("outage");
    stack.publish(event);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> stack.anonymous().get("/q/health/group/ninjaone").then().statusCode(503));
    stack.anonymous().get("/q/health/ready").then().statusCode(200);
    assertTrue(metric(scrape(), "onboarding_step_retries_total") >= 1);

    ninjaOne.resetFaults();
    api.awaitStatus(event.clientId(), "COMPLETED", Duration.ofSeconds(90));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> stack.anonymous().get("/q/health/group/ninjaone").then().statusCode(200));
  }

  @Test
  void sagaWithoutProgressPastTheDeadlineIsFlaggedStuckWithTheReason() {
    ninjaOne.delayNext("POST", "/v2/organizations", 1, Duration.ofSeconds(8));
    Events.Event event = Events.newClient("stuck");
    stack.publish(event);
    String id = api.awaitSagaId(event.clientId());

    await().atMost(Duration.ofSeconds(15)).until(() -> api.saga(id).getBoolean("stuck"));
    JsonPath saga = api.saga(id);
    assertTrue(saga.getString("stuckReason").contains("in flight"), saga.getString("stuckReason"));
    List<String> stuckIds =
        stack
            .request()
            .queryParam("stuck", "true")
            .get("/api/v1/sagas")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("sagas.id");
    assertTrue(stuckIds.contains(id));

    api.awaitStatus(event.clientId(), "COMPLETED");
    assertFalse(api.saga(id).getBoolean("stuck"));
  }

  @Test
  void sagaWaitingOnRetryAfterIsNotStuck() {
    ninjaOne.throttleNext("PUT", "/v2/organization/\\d+/policies", 1, 6);
    Events.Event event = Events.newClient("patient");
    stack.publish(event);
    String id = api.awaitSagaId(event.clientId());
    api.awaitStepStatus(id, "MAP_POLICIES", "WAITING_RETRY");
    await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertFalse(api.saga(id).getBoolean("stuck"));
    api.awaitStatus(event.clientId(), "COMPLETED");
  }

  @Test
  void ninjaOneCredentialsAndTokensNeverAppearInLogsRecordsErrorsOrMetrics() throws Exception {
    ninjaOne.expireAllTokens();
    ninjaOne.failNext("PUT", "/v2/organization/\\d+/policies", 1, 409);
    Events.Event event = Events.newClient("leak");
    stack.publish(event);
    api.awaitStatus(event.clientId(), "COMPENSATED");

    List<String> haystacks = new ArrayList<>();
    haystacks.add(Files.readString(stack.service.logFile()));
    haystacks.add(scrape());
    haystacks.add(stack.request().get("/api/v1/sagas?pageSize=200").asString());
    haystacks.add(stack.anonymous().get("/api/v1/sagas").asString());
    haystacks.add(databaseText());
    List<String> secrets = new ArrayList<>(ninjaOne.issuedTokens());
    secrets.add(TestStack.CLIENT_SECRET);
    assertFalse(ninjaOne.issuedTokens().isEmpty());
    for (String secret : secrets) {
      for (String haystack : haystacks) {
        assertFalse(haystack.contains(secret), "a NinjaOne secret or token leaked");
      }
    }
  }

  @Test
  void traceContextOfTheRecordIsCarriedThroughEveryNinjaOneCallOfTheSaga() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
    Events.Event event = Events.newClient("traced");
    stack.publish(
        event.clientId(),
        event.bytes(),
        new RecordHeader("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII)));
    long orgId = api.awaitStatus(event.clientId(), "COMPLETED").getLong("organizationId");

    List<SimCall> sagaCalls =
        ninjaOne.calls().stream()
            .filter(
                c ->
                    (c.path().contains("/organization/" + orgId + "/")
                            && !c.path().endsWith("/devices")) // the device job's, not the saga's
                        || (c.query() == null
                            && c.path().equals("/v2/organizations")
                            && c.method().equals("POST")
                            && c.traceparent() != null
                            && c.traceparent().contains(traceId)))
            .toList();
    assertTrue(sagaCalls.size() >= 6, "calls of the saga: " + sagaCalls.size());
    for (SimCall call : sagaCalls) {
      assertTrue(
          call.traceparent() != null && call.traceparent().startsWith("00-" + traceId + "-"),
          call.method() + " " + call.path() + " carried " + call.traceparent());
    }
  }

  private String databaseText() throws Exception {
    StringBuilder text = new StringBuilder();
    try (Connection c = stack.database.connect();
        Statement s = c.createStatement()) {
      for (String table :
          List.of(
              "saga",
              "step_attempt",
              "outbox_event",
              "cleanup_task",
              "agent_deployment_task",
              "processed_event")) {
        try (ResultSet rows = s.executeQuery("SELECT t::text FROM " + table + " t")) {
          while (rows.next()) {
            text.append(rows.getString(1)).append('\n');
          }
        }
      }
    }
    return text.toString();
  }
}
