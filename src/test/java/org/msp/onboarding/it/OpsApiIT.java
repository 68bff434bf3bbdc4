package org.msp.onboarding.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpsApiIT extends StackTest {

  @Test
  void listIsNewestFirstAndCursorPagingVisitsEverySagaOnce() {
    List<String> clients = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Events.Event event = Events.newClient("page" + i);
      clients.add(event.clientId());
      stack.publish(event);
      api.awaitSagaId(event.clientId());
    }
    clients.forEach(c -> api.awaitStatus(c, "COMPLETED"));

    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    String after = null;
    do {
      var request = stack.request().queryParam("pageSize", 2);
      if (after != null) {
        request.queryParam("after", after);
      }
      JsonPath page = request.get("/api/v1/sagas").then().statusCode(200).extract().jsonPath();
      List<String> ids = page.getList("sagas.id");
      assertTrue(ids.size() <= 2);
      ids.forEach(id -> assertTrue(seen.add(id), "seen twice: " + id));
      order.addAll(page.getList("sagas.clientId"));
      after = page.getBoolean("pageInfo.hasNextPage") ? page.getString("pageInfo.endCursor") : null;
    } while (after != null);

    List<String> ours = order.stream().filter(clients::contains).toList();
    List<String> newestFirst = new ArrayList<>(clients);
    java.util.Collections.reverse(newestFirst);
    assertEquals(newestFirst, ours);
  }

  @Test
  void filtersByStatusAndClient() {
    Events.Event event = Events.newClient("filter");
    stack.publish(event);
    api.awaitStatus(event.clientId(), "COMPLETED");

    JsonPath completed =
        stack
            .request()
            .queryParam("status", "COMPLETED")
            .queryParam("pageSize", 200)
            .get("/api/v1/sagas")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(completed.getList("sagas.status").stream().allMatch("COMPLETED"::equals));
    JsonPath compensated =
        stack
            .request()
            .queryParam("status", "compensated")
            .queryParam("clientId", event.clientId())
            .get("/api/v1/sagas")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(compensated.getList("sagas").isEmpty());
    assertEquals(
        List.of(event.clientId()),
        stack
            .request()
            .queryParam("clientId", event.clientId())
            .get("/api/v1/sagas")
            .then()
            .extract()
            .jsonPath()
            .getList("sagas.clientId"));
  }

  @Test
  void unknownSagaIs404ProblemJson() {
    stack
        .request()
        .get("/api/v1/sagas/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
    stack
        .request()
        .post("/api/v1/sagas/" + UUID.randomUUID() + "/retry")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void badParametersAre400NamingTheParameter() {
    String[][] cases = {
      {"status", "SLEEPING"},
      {"pageSize", "0"},
      {"pageSize", "201"},
      {"pageSize", "ten"},
      {"after", "not-a-cursor"}
    };
    for (String[] c : cases) {
      stack
          .request()
          .queryParam(c[0], c[1])
          .get("/api/v1/sagas")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("parameter", equalTo(c[0]))
          .body("detail", containsString(c[0]));
    }
    stack
        .request()
        .queryParam("status", "DONE")
        .get("/api/v1/agent-deployment-tasks")
        .then()
        .statusCode(400)
        .body("parameter", equalTo("status"));
  }

  @Test
  void actionNotAllowedInTheSagasStateIs409() {
    Events.Event event = Events.newClient("conflict-409");
    stack.publish(event);
    String id = api.awaitStatus(event.clientId(), "COMPLETED").getString("id");

    stack
        .request()
        .post("/api/v1/sagas/" + id + "/retry")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("COMPLETED"));
    stack.request().post("/api/v1/sagas/" + id + "/compensate").then().statusCode(202);
    api.awaitStatus(event.clientId(), "COMPENSATED");
    stack
        .request()
        .post("/api/v1/sagas/" + id + "/compensate")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void retryRunsAWaitingSagaNow() {
    ninjaOne.throttleNext("PUT", "/v2/organization/\\d+/policies", 1, 600);
    Events.Event event = Events.newClient("retry-now");
    stack.publish(event);
    String id = api.awaitSagaId(event.clientId());
    api.awaitStepStatus(id, "MAP_POLICIES", "WAITING_RETRY");

    stack.request().post("/api/v1/sagas/" + id + "/retry").then().statusCode(202);
    JsonPath saga =
        api.awaitStatus(event.clientId(), "COMPLETED", java.time.Duration.ofSeconds(20));
    assertFalse(saga.getString("finishedAt").isEmpty());
  }

  @Test
  void operatorMarksAnAgentDeploymentTaskDeployed() {
    Events.Event event = Events.newClient("deployed");
    stack.publish(event);
    long orgId = api.awaitStatus(event.clientId(), "COMPLETED").getLong("organizationId");
    String taskId =
        stack
            .request()
            .queryParam("organizationId", orgId)
            .get("/api/v1/agent-deployment-tasks")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("tasks[0].id");

    stack
        .request()
        .contentType("application/json")
        .body("{\"status\":\"DEPLOYED\"}")
        .patch("/api/v1/agent-deployment-tasks/" + taskId)
        .then()
        .statusCode(200)
        .body("status", equalTo("DEPLOYED"));
    assertEquals(
        List.of(taskId),
        stack
            .request()
            .queryParam("organizationId", orgId)
            .queryParam("status", "DEPLOYED")
            .get("/api/v1/agent-deployment-tasks")
            .then()
            .extract()
            .jsonPath()
            .getList("tasks.id"));
    stack
        .request()
        .contentType("application/json")
        .body("{\"status\":\"LOST\"}")
        .patch("/api/v1/agent-deployment-tasks/" + taskId)
        .then()
        .statusCode(400)
        .body("parameter", equalTo("status"));
  }

  @Test
  void deploymentTasksStillPendingAfterTheirDeadlineAreFlaggedStale() throws Exception {
    Events.Event event = Events.newClient("stale-tasks");
    stack.publish(event);
    long orgId = api.awaitStatus(event.clientId(), "COMPLETED").getLong("organizationId");
    List<Map<String, Object>> tasks = api.deploymentTasks(orgId);
    assertEquals(2, tasks.size());
    assertTrue(tasks.stream().noneMatch(t -> (Boolean) t.get("stale")), "fresh tasks");

    // recorded four days ago (the default deadline is three): both stale, until one is deployed
    try (java.sql.Connection c = stack.database.connect();
        java.sql.PreparedStatement age =
            c.prepareStatement(
                "UPDATE agent_deployment_task SET created_at = now() - interval '4 days'"
                    + " WHERE organization_id = ?")) {
      age.setLong(1, orgId);
      age.executeUpdate();
    }
    String deployed = (String) tasks.get(0).get("id");
    stack
        .request()
        .contentType("application/json")
        .body("{\"status\":\"DEPLOYED\"}")
        .patch("/api/v1/agent-deployment-tasks/" + deployed)
        .then()
        .statusCode(200)
        .body("stale", equalTo(false));

    JsonPath stale =
        stack
            .request()
            .queryParam("organizationId", orgId)
            .queryParam("stale", "true")
            .get("/api/v1/agent-deployment-tasks")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(tasks.get(1).get("id")), stale.getList("tasks.id"));
    assertTrue(stale.getBoolean("tasks[0].stale"));
    assertTrue(stale.getString("tasks[0].staleReason").startsWith("PENDING since "));
  }
}
