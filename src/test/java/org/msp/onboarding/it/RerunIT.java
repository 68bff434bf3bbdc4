package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.TestJwt;

/** POST /api/v1/sagas/{id}/rerun: a COMPENSATED saga's request, run again as a new saga. */
class RerunIT extends StackTest {

  @Test
  void aCompensatedSagaRunsAgainAsANewSagaOnceItsCauseIsGone() {
    ninjaOne.failNext("PATCH", "/v2/organization/\\d+/custom-fields", 1, 409);
    Events.Event event = Events.newClient("rerun");
    stack.publish(event);
    String firstId = api.awaitStatus(event.clientId(), "COMPENSATED").getString("id");

    ExtractableResponse<Response> created =
        stack
            .request()
            .post("/api/v1/sagas/" + firstId + "/rerun")
            .then()
            .statusCode(201)
            .body("clientId", equalTo(event.clientId()))
            .extract();
    String secondId = created.jsonPath().getString("id");
    assertNotEquals(firstId, secondId);
    assertTrue(created.header("Location").endsWith("/api/v1/sagas/" + secondId));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "COMPLETED".equals(api.saga(secondId).getString("status")));
    JsonPath second = api.saga(secondId);
    assertEquals("COMPENSATED", api.saga(firstId).getString("status"), "the first one stays");
    assertEquals(
        second.getLong("organizationId"),
        ninjaOne.organizationsNamed(event.organizationName()).get(0).id(),
        "the client's organization is the rerun's");
    assertEquals(1, ninjaOne.organizationsNamed(event.organizationName()).size());

    // one client, one organization: once the rerun completed, the first saga cannot run again
    stack
        .request()
        .post("/api/v1/sagas/" + firstId + "/rerun")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString(secondId));
  }

  @Test
  void onlyACompensatedSagaRunsAgainAndOnlyAnOperatorMayAskForIt() {
    Events.Event event = Events.newClient("rerun-completed");
    stack.publish(event);
    String id = api.awaitStatus(event.clientId(), "COMPLETED").getString("id");

    stack
        .request()
        .post("/api/v1/sagas/" + id + "/rerun")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    stack
        .request()
        .post("/api/v1/sagas/" + UUID.randomUUID() + "/rerun")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    String viewer = stack.jwt.token("vera", TestJwt.VIEWER);
    stack
        .anonymous()
        .auth()
        .oauth2(viewer)
        .post("/api/v1/sagas/" + id + "/rerun")
        .then()
        .statusCode(403);
  }
}
