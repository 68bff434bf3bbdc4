package org.msp.onboarding.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransientFailuresIT extends StackTest {

  @Test
  void serverErrorsThrottlingAndHtmlPagesAreRetriedToSuccess() {
    ninjaOne.failNext("POST", "/v2/organizations", 2, 503);
    ninjaOne.throttleNext("PUT", "/v2/organization/\\d+/policies", 1, 2);
    ninjaOne.htmlThrottleNext("PATCH", "/v2/organization/\\d+/custom-fields", 1);
    Events.Event event = Events.newClient("transient");
    stack.publish(event);

    JsonPath saga = api.awaitStatus(event.clientId(), "COMPLETED");
    assertEquals(3, saga.getInt("steps.find { it.name == 'CREATE_ORGANIZATION' }.attempts"));
    assertEquals(2, saga.getInt("steps.find { it.name == 'MAP_POLICIES' }.attempts"));
    assertEquals(2, saga.getInt("steps.find { it.name == 'SET_CUSTOM_FIELDS' }.attempts"));
    assertEquals(1, ninjaOne.organizationsNamed(event.organizationName()).size());
  }

  @Test
  void retryAfterIsHonouredAndTheWaitIsVisible() {
    ninjaOne.throttleNext("PUT", "/v2/organization/\\d+/policies", 1, 3);
    Events.Event event = Events.newClient("retry-after");
    stack.publish(event);

    JsonPath waiting = api.awaitStatus(event.clientId(), "RUNNING", Duration.ofSeconds(30));
    String id = waiting.getString("id");
    api.awaitStepStatus(id, "MAP_POLICIES", "WAITING_RETRY");
    JsonPath view = api.saga(id);
    assertTrue(
        view.getString("steps.find { it.name == 'MAP_POLICIES' }.lastError").contains("429"));
    assertTrue(view.getString("steps.find { it.name == 'MAP_POLICIES' }.nextAttemptAt") != null);

    JsonPath done = api.awaitStatus(event.clientId(), "COMPLETED");
    java.time.Instant failedAt =
        java.time.Instant.parse(
            done.getString("steps.find { it.name == 'MAP_POLICIES' }.startedAt"));
    java.time.Instant finishedAt =
        java.time.Instant.parse(
            done.getString("steps.find { it.name == 'MAP_POLICIES' }.finishedAt"));
    assertTrue(
        Duration.between(failedAt, finishedAt).toMillis() >= 2900, "waited at least Retry-After");
  }

  @Test
  void expiredTokenIsRenewedOnceAndTheCallRepeated() {
    Events.Event warmUp = Events.newClient("token-warm");
    stack.publish(warmUp);
    api.awaitStatus(warmUp.clientId(), "COMPLETED");
    ninjaOne.expireAllTokens();

    Events.Event event = Events.newClient("token");
    stack.publish(event);
    JsonPath saga = api.awaitStatus(event.clientId(), "COMPLETED");
    assertEquals(1, saga.getInt("steps.find { it.name == 'CREATE_ORGANIZATION' }.attempts"));
  }
}
