package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.TestJwt;
import org.msp.onboarding.simulator.SimOrganization;
import org.msp.onboarding.simulator.SimTestClient;

/**
 * POST /api/v1/tag-jobs: a persisted job that tags every chosen organization, retries NinjaOne's
 * hiccups, verifies.
 */
class TagJobIT extends StackTest {

  private List<SimOrganization> seed(String prefix, int count) {
    ninjaOne.seedOrganizations(count, prefix);
    return ninjaOne.organizations().stream().filter(o -> o.name().startsWith(prefix)).toList();
  }

  private String start(String body) {
    return stack
        .request()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/tag-jobs")
        .then()
        .statusCode(202)
        .extract()
        .jsonPath()
        .getString("id");
  }

  private JsonPath awaitJob(String id, String status) {
    JsonPath[] job = new JsonPath[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              job[0] =
                  stack
                      .request()
                      .get("/api/v1/tag-jobs/" + id)
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              return status.equals(job[0].getString("job.status"));
            });
    return job[0];
  }

  private SimOrganization current(long id) {
    return ninjaOne.organizations().stream().filter(o -> o.id() == id).findFirst().orElseThrow();
  }

  @Test
  void transientFaultsMidJobAreRetriedUntilEveryOrganizationIsTaggedAndVerified() {
    String prefix = "Tag job " + UUID.randomUUID().toString().substring(0, 6) + " ";
    List<SimOrganization> orgs = seed(prefix, 30);
    SimOrganization bystander =
        seed("Not tagged " + UUID.randomUUID().toString().substring(0, 6) + " ", 1).get(0);
    SimTestClient client = new SimTestClient(ninjaOne.baseUrl());
    client.login(TestStack.CLIENT_ID, TestStack.CLIENT_SECRET);
    for (SimOrganization org : orgs.subList(0, 10)) {
      client.call("PATCH", "/v2/organization/" + org.id(), "{\"tags\":[\"legacy\",\"keep\"]}");
    }
    long failing = orgs.get(14).id();
    long throttled = orgs.get(20).id();
    long lost = orgs.get(25).id();
    ninjaOne.failNext("GET", "/v2/organizations", 1, 503);
    ninjaOne.failNext("PATCH", "/v2/organization/" + failing, 2, 503);
    ninjaOne.throttleNext("GET", "/v2/organization/" + throttled, 1, 1);
    ninjaOne.htmlThrottleNext("GET", "/v2/organization/" + orgs.get(22).id(), 1);
    ninjaOne.dropResponseNext("PATCH", "/v2/organization/" + lost, 1);

    String id =
        start(
            "{\"filter\":{\"namePrefix\":\""
                + prefix.toLowerCase()
                + "\"},"
                + "\"addTags\":[\"patch-tuesday\"],\"removeTags\":[\"legacy\"]}");
    JsonPath job = awaitJob(id, "COMPLETED");

    assertEquals(
        2,
        job.getInt("job.selectionAttempts"),
        "the organization list was read again after its 503");
    assertEquals(30, job.getInt("job.counts.organizations"));
    assertEquals(30, job.getInt("job.counts.verified"));
    List<Map<String, Object>> results = job.getList("organizations");
    assertTrue(results.stream().allMatch(r -> "VERIFIED".equals(r.get("status"))));
    Map<String, Object> retried =
        job.getMap("organizations.find { it.organizationId == " + failing + " }");
    assertEquals(3, retried.get("attempts"));
    assertTrue(((String) retried.get("lastError")).contains("HTTP 503"), retried.toString());
    assertEquals(
        2, job.getInt("organizations.find { it.organizationId == " + throttled + " }.attempts"));
    assertEquals(
        true,
        job.getBoolean("organizations.find { it.organizationId == " + lost + " }.changed"),
        "the PATCH whose answer was lost did apply; the retry found it done");
    assertEquals(
        List.of("legacy", "keep"),
        job.getList(
            "organizations.find { it.organizationId == " + orgs.get(0).id() + " }.tagsBefore"));

    for (SimOrganization org : orgs) {
      List<String> tags = current(org.id()).tags();
      assertTrue(tags.contains("patch-tuesday"), org.name() + " " + tags);
      assertFalse(tags.contains("legacy"), org.name() + " " + tags);
    }
    assertEquals(List.of("keep", "patch-tuesday"), current(orgs.get(0).id()).tags());
    assertFalse(
        current(bystander.id()).tags().contains("patch-tuesday"), "outside the filter: untouched");
  }

  @Test
  void jobChosenByIdsTouchesOnlyThoseAndRepeatingItWritesNothing() {
    String prefix = "Tag ids " + UUID.randomUUID().toString().substring(0, 6) + " ";
    List<SimOrganization> orgs = seed(prefix, 4);
    String id =
        start(
            "{\"filter\":{\"organizationIds\":["
                + orgs.get(1).id()
                + ","
                + orgs.get(3).id()
                + "]},"
                + "\"addTags\":[\"chosen\"]}");
    JsonPath job = awaitJob(id, "COMPLETED");
    assertEquals(
        List.of(orgs.get(1).id(), orgs.get(3).id()),
        job.getList("organizations.organizationId", Long.class));
    assertEquals(
        Set.of("organizationIds"),
        job.getMap("job.filter").keySet(),
        "the filter as given, nothing more");
    assertEquals(List.of("chosen"), current(orgs.get(1).id()).tags());
    assertTrue(current(orgs.get(0).id()).tags().isEmpty());

    // the same change again: every organization already has it, so nothing is written
    ninjaOne.clearCalls();
    JsonPath again =
        awaitJob(
            start(
                "{\"filter\":{\"tag\":\"chosen\",\"namePrefix\":\""
                    + prefix
                    + "\"},"
                    + "\"addTags\":[\"chosen\"]}"),
            "COMPLETED");
    assertEquals(2, again.getInt("job.counts.verified"));
    assertEquals(Set.of("tag", "namePrefix"), again.getMap("job.filter").keySet());
    assertFalse(again.getBoolean("organizations[0].changed"));
    assertEquals(0, ninjaOne.callCount("PATCH", "/v2/organization/\\d+"));
  }

  @Test
  void badRequestsAreRefusedBeforeAnythingIsStored() {
    stack
        .request()
        .contentType("application/json")
        .body("{\"filter\":{},\"addTags\":[\"x\"]}")
        .post("/api/v1/tag-jobs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("parameter", equalTo("filter"));
    stack
        .request()
        .contentType("application/json")
        .body("{\"filter\":{\"tag\":\"a\"}}")
        .post("/api/v1/tag-jobs")
        .then()
        .statusCode(400)
        .body("parameter", equalTo("addTags"));
    stack
        .request()
        .contentType("application/json")
        .body("{\"filter\":{\"tag\":\"a\"},\"addTags\":[\"x\"],\"removeTags\":[\"x\"]}")
        .post("/api/v1/tag-jobs")
        .then()
        .statusCode(400)
        .body("parameter", equalTo("removeTags"));
    String viewer = stack.jwt.token("vera", TestJwt.VIEWER);
    stack
        .anonymous()
        .auth()
        .oauth2(viewer)
        .contentType("application/json")
        .body("{\"filter\":{\"tag\":\"a\"},\"addTags\":[\"x\"]}")
        .post("/api/v1/tag-jobs")
        .then()
        .statusCode(403);
    stack.request().get("/api/v1/tag-jobs/" + UUID.randomUUID()).then().statusCode(404);
    stack.anonymous().auth().oauth2(viewer).get("/api/v1/tag-jobs").then().statusCode(200);
  }
}
