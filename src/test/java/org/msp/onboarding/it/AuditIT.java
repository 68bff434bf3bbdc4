package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.msp.onboarding.harness.TestJwt;
import org.msp.onboarding.simulator.SimOrganization;
import org.msp.onboarding.simulator.SimTestClient;

/**
 * GET /api/v1/audit/organizations on a tenant of (at least) 1,000 organizations, a few of them
 * onboarded. The stack runs with ONBOARDING_AUDIT_REUSE_FOR=PT0S, so each call sees NinjaOne as it
 * is now unless a run is going.
 */
class AuditIT extends StackTest {

  private JsonPath audit(String query) {
    String viewer = stack.jwt.token("audrey", TestJwt.VIEWER);
    return stack
        .anonymous()
        .auth()
        .oauth2(viewer)
        .get("/api/v1/audit/organizations" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private Map<String, Object> verdictOf(JsonPath report, long orgId) {
    return report.getMap("organizations.find { it.organizationId == " + orgId + " }");
  }

  /** Someone changes an onboarded organization in NinjaOne behind the service's back. */
  private void tamper(long orgId) {
    SimTestClient client = new SimTestClient(ninjaOne.baseUrl());
    client.login(TestStack.CLIENT_ID, TestStack.CLIENT_SECRET);
    // as published, the PUT answers the affected device ids (200)
    assertEquals(
        200,
        client
            .call(
                "PUT",
                "/v2/organization/" + orgId + "/policies",
                "[{\"nodeRoleId\":1,\"policyId\":100},{\"nodeRoleId\":2,\"policyId\":999},{\"nodeRoleId\":3,\"policyId\":300}]")
            .statusCode());
    assertEquals(
        200,
        client
            .call(
                "PATCH",
                "/v2/organization/" + orgId + "/custom-fields",
                "{\"slaHours\":8,\"accountManager\":null,\"extra\":\"fine\"}")
            .statusCode());
    long branch =
        ninjaOne.locations(orgId).stream()
            .filter(l -> l.name().equals("Branch"))
            .findFirst()
            .orElseThrow()
            .id();
    assertEquals(
        200,
        client
            .call(
                "PATCH",
                "/v2/organization/" + orgId + "/locations/" + branch,
                "{\"name\":\"Branch (closed)\"}")
            .statusCode());
    assertEquals(
        200,
        client
            .call("POST", "/v2/organization/" + orgId + "/locations", "{\"name\":\"Warehouse\"}")
            .statusCode());
  }

  @Test
  void auditComparesOnboardedOrganizationsAndPagesThroughTheWholeTenant() {
    Events.Event intact = Events.newClient("audit-intact");
    Events.Event tampered = Events.newClient("audit-tampered");
    Events.Event rolledBack = Events.newClient("audit-rolled-back");
    ninjaOne.failNext("PATCH", "/v2/organization/\\d+/custom-fields", 1, 409);
    stack.publish(rolledBack);
    api.awaitStatus(rolledBack.clientId(), "COMPENSATED");
    stack.publish(intact);
    stack.publish(tampered);
    long intactId = api.awaitStatus(intact.clientId(), "COMPLETED").getLong("organizationId");
    long tamperedId = api.awaitStatus(tampered.clientId(), "COMPLETED").getLong("organizationId");
    long rolledBackId =
        api.sagasOf(rolledBack.clientId()).stream()
            .map(s -> ((Number) s.get("organizationId")).longValue())
            .findFirst()
            .orElseThrow();
    tamper(tamperedId);
    String prefix = "Audit seed " + UUID.randomUUID().toString().substring(0, 6) + " ";
    // a tenant of 1,000 organizations when this test runs first; 1,000 more than there were
    // otherwise
    int existing = ninjaOne.organizations().size();
    ninjaOne.seedOrganizations(existing < 1000 ? 1000 - existing : 1000, prefix);
    List<Long> seeded =
        ninjaOne.organizations().stream()
            .filter(o -> o.name().startsWith(prefix))
            .map(SimOrganization::id)
            .toList();
    ninjaOne.clearCalls();

    long started = System.nanoTime();
    JsonPath report = audit("");
    long wallMillis = (System.nanoTime() - started) / 1_000_000;

    int total = ninjaOne.organizations().size();
    Map<String, Integer> totals = report.getMap("totals");
    assertEquals(total, totals.get("organizations"), "paging reached every page");
    assertTrue(
        report.getInt("unknownToSagasListed") <= 500,
        "organizations no saga knows are listed up to 500");
    assertEquals(
        total - totals.get("unknownToSagas") + report.getInt("unknownToSagasListed"),
        report.getList("organizations").size());
    assertEquals("MATCHES", verdictOf(report, intactId).get("verdict"));
    Map<String, Object> drifted = verdictOf(report, tamperedId);
    assertEquals("DRIFTED", drifted.get("verdict"));
    assertEquals(
        List.of(
            "node role 2: expected policy 200, found 999",
            "node role 3: mapped to policy 300, not set by onboarding"),
        drifted.get("policyIssues"));
    assertEquals(
        List.of(
            "location 'Branch': renamed to 'Branch (closed)'",
            "location 'Warehouse': not set by onboarding"),
        drifted.get("locationIssues"));
    assertEquals(
        List.of(
            "field accountManager: expected \"Dana\", missing",
            "field slaHours: expected 4, found 8"),
        drifted.get("fieldIssues"));
    assertEquals("NOT_COMPLETED", verdictOf(report, rolledBackId).get("verdict"));
    assertEquals("COMPENSATED", verdictOf(report, rolledBackId).get("sagaStatus"));
    assertEquals(
        total,
        totals.get("matching")
            + totals.get("drifted")
            + totals.get("unknownToSagas")
            + totals.get("notCompleted")
            + totals.get("unreadable"));
    assertTrue(totals.get("unknownToSagas") >= seeded.size());

    // cost: one GET /v2/organizations-detailed per 200 organizations, nothing per organization
    long pages = ninjaOne.callCount("GET", "/v2/organizations-detailed");
    assertEquals(total / 200 + 1, pages);
    assertEquals(0, perOrganizationReads());
    assertEquals(pages, report.getInt("ninjaOneCalls"));
    System.out.printf(
        "AUDIT FIGURES: %d organizations; %d NinjaOne calls (list pages);"
            + " %d ms in the service, %d ms wall; verdicts %s%n",
        total,
        report.getInt("ninjaOneCalls"),
        report.getLong("elapsedMillis"),
        wallMillis,
        totals.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ")));
    assertTrue(
        wallMillis < 20_000, "the audit of a 1,000-organization tenant took " + wallMillis + " ms");

    JsonPath onlyDrifted = audit("?verdict=drifted");
    assertTrue(onlyDrifted.getList("organizations.verdict").stream().allMatch("DRIFTED"::equals));
    assertEquals(total, onlyDrifted.getInt("totals.organizations"));
  }

  /**
   * The cost figure that matters: a 1,000-organization tenant of which 100 were onboarded, with 50
   * ms of NinjaOne latency per call (a real tenant answers slower than the simulator).
   */
  @Test
  void auditOfAThousandOrganizationsWithAHundredOnboardedCostsOneCallPerTwoHundredOrganizations()
      throws Exception {
    List<Events.Event> events = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      events.add(Events.newClient("audit-bulk" + i));
    }
    events.forEach(stack::publish);
    String[] clients = events.stream().map(Events.Event::clientId).toArray(String[]::new);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> completed(clients) == 100);
    seedUpTo(1000, "Audit bulk seed ");
    JsonPath report =
        measuredAudit(Duration.ofMillis(50), "AUDIT FIGURES (50 ms NinjaOne latency)");
    Map<String, Integer> totals = report.getMap("totals");
    assertTrue(totals.get("matching") >= 100);
    assertEquals(totals.get("organizations") / 200 + 1, report.getInt("ninjaOneCalls"));
    assertEquals(0, perOrganizationReads());
  }

  /**
   * The 20,000-organization figure; seeds the shared simulator heavily, so only when asked
   * (-Daudit.scale=true).
   */
  @Test
  @EnabledIfSystemProperty(named = "audit.scale", matches = "true")
  void auditOfTwentyThousandOrganizationsReadsOneHundredPages() {
    seedUpTo(20_000, "Audit scale seed ");
    JsonPath report =
        measuredAudit(Duration.ZERO, "AUDIT FIGURES (20,000 organizations, 0 ms latency)");
    measuredAudit(Duration.ofMillis(50), "AUDIT FIGURES (20,000 organizations, 50 ms latency)");
    assertEquals(report.getInt("totals.organizations") / 200 + 1, report.getInt("ninjaOneCalls"));
  }

  @Test
  void aSecondCallerDuringARunGetsThatRunsReportInsteadOfStartingAnother() throws Exception {
    seedUpTo(1000, "Audit shared seed ");
    ninjaOne.clearCalls();
    ninjaOne.setLatency(Duration.ofMillis(100));
    CompletableFuture<JsonPath> first = CompletableFuture.supplyAsync(() -> audit(""));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ninjaOne.callCount("GET", "/v2/organizations-detailed") > 0);
    JsonPath second = audit("");
    JsonPath firstReport = first.get(60, TimeUnit.SECONDS);
    ninjaOne.setLatency(Duration.ZERO);

    assertEquals(firstReport.getString("ranAt"), second.getString("ranAt"));
    assertEquals(
        firstReport.getInt("ninjaOneCalls"),
        ninjaOne.callCount("GET", "/v2/organizations-detailed"),
        "one run's pages, not two");
    assertTrue(second.getLong("ageSeconds") >= 0);
  }

  private void seedUpTo(int organizations, String prefix) {
    int existing = ninjaOne.organizations().size();
    if (existing < organizations) {
      ninjaOne.seedOrganizations(
          organizations - existing, prefix + UUID.randomUUID().toString().substring(0, 6) + " ");
    }
  }

  private JsonPath measuredAudit(Duration latency, String label) {
    ninjaOne.clearCalls();
    ninjaOne.setLatency(latency);
    long started = System.nanoTime();
    JsonPath report;
    try {
      report = audit("");
    } finally {
      ninjaOne.setLatency(Duration.ZERO);
    }
    long wallMillis = (System.nanoTime() - started) / 1_000_000;
    Map<String, Integer> totals = report.getMap("totals");
    System.out.printf(
        "%s: %d organizations, %d onboarded; %d NinjaOne calls (%d list pages, %d other);"
            + " %d ms in the service, %d ms wall; verdicts %s%n",
        label,
        totals.get("organizations"),
        totals.get("matching") + totals.get("drifted"),
        report.getInt("ninjaOneCalls"),
        ninjaOne.callCount("GET", "/v2/organizations-detailed"),
        perOrganizationReads(),
        report.getLong("elapsedMillis"),
        wallMillis,
        totals.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ")));
    return report;
  }

  private long perOrganizationReads() {
    return ninjaOne.callCount("GET", "/v2/organization/\\d+")
        + ninjaOne.callCount("GET", "/v2/organization/\\d+/custom-fields");
  }

  private long completed(String[] clients) throws Exception {
    try (var connection = stack.database.connect();
        var statement =
            connection.prepareStatement(
                "SELECT count(*) FROM saga WHERE status = 'COMPLETED' AND client_id = ANY(?)")) {
      statement.setArray(1, connection.createArrayOf("varchar", clients));
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Test
  void transientNinjaOneErrorsDuringTheAuditAreRetried() {
    Events.Event event = Events.newClient("audit-retried");
    stack.publish(event);
    long orgId = api.awaitStatus(event.clientId(), "COMPLETED").getLong("organizationId");
    ninjaOne.failNext("GET", "/v2/organizations-detailed", 1, 503);
    ninjaOne.htmlThrottleNext("GET", "/v2/organizations-detailed", 1);

    JsonPath report = audit("");
    assertEquals("MATCHES", verdictOf(report, orgId).get("verdict"));
  }

  @Test
  void auditNeedsATokenAndNamesABadVerdict() {
    stack.anonymous().get("/api/v1/audit/organizations").then().statusCode(401);
    stack
        .request()
        .queryParam("verdict", "PERFECT")
        .get("/api/v1/audit/organizations")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("parameter", equalTo("verdict"));
  }
}
