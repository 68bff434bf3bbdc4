package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The ops API as the tests use it. */
public final class SagaApi {
  private final TestStack stack;

  public SagaApi(TestStack stack) {
    this.stack = stack;
  }

  public List<Map<String, Object>> sagasOf(String clientId) {
    return stack
        .request()
        .queryParam("clientId", clientId)
        .get("/api/v1/sagas")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("sagas");
  }

  /** The agent-deployment tasks recorded for an organization, as the ops API lists them. */
  public List<Map<String, Object>> deploymentTasks(long organizationId) {
    return stack
        .request()
        .queryParam("organizationId", organizationId)
        .get("/api/v1/agent-deployment-tasks")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("tasks");
  }

  public JsonPath saga(String id) {
    return stack.request().get("/api/v1/sagas/" + id).then().statusCode(200).extract().jsonPath();
  }

  /** Waits until the client's (only) saga reaches the status, and returns its full view. */
  public JsonPath awaitStatus(String clientId, String status, Duration timeout) {
    String[] id = new String[1];
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              List<Map<String, Object>> sagas = sagasOf(clientId);
              if (sagas.size() == 1 && status.equals(sagas.get(0).get("status"))) {
                id[0] = (String) sagas.get(0).get("id");
                return true;
              }
              return false;
            });
    return saga(id[0]);
  }

  public JsonPath awaitStatus(String clientId, String status) {
    return awaitStatus(clientId, status, Duration.ofSeconds(60));
  }

  public String awaitSagaId(String clientId) {
    String[] id = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              List<Map<String, Object>> sagas = sagasOf(clientId);
              if (!sagas.isEmpty()) {
                id[0] = (String) sagas.get(0).get("id");
              }
              return id[0] != null;
            });
    return id[0];
  }

  /** Waits until the saga's step reaches the status (e.g. WAITING_RETRY after a throttled call). */
  public void awaitStepStatus(String sagaId, String step, String status) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                status.equals(
                    saga(sagaId).getString("steps.find { it.name == '" + step + "' }.status")));
  }
}
