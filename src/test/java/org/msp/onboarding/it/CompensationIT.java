package org.msp.onboarding.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.simulator.SimOrganization;

class CompensationIT extends StackTest {

  @Test
  void conflictOnCreateWithForeignOrganizationLeavesItUntouched() {
    Events.Event event = Events.newClient("foreign");
    SimOrganization foreign =
        ninjaOne.seedOrganization(event.organizationName(), Map.of("owner", "someone else"));
    ninjaOne.clearCalls();
    stack.publish(event);

    JsonPath saga = api.awaitStatus(event.clientId(), "COMPENSATED");
    assertEquals("NAME_CONFLICT", saga.getString("failureCode"));
    assertTrue(saga.getString("failureReason").contains("not created by this saga"));
    assertEquals(List.of(foreign), ninjaOne.organizationsNamed(event.organizationName()));
    assertEquals(
        0,
        ninjaOne.calls().stream()
            .filter(c -> c.path().contains("/organization/" + foreign.id()))
            .count(),
        "nothing was sent to the foreign organization");
  }

  @Test
  void conflictMidSagaIsCompensatedInReverseWithTheOrganizationNeutralised() {
    ninjaOne.failNext("PATCH", "/v2/organization/\\d+/custom-fields", 1, 409);
    Events.Event event = Events.newClient("midway");
    stack.publish(event);

    JsonPath saga = api.awaitStatus(event.clientId(), "COMPENSATED");
    long orgId = saga.getLong("organizationId");
    assertEquals("CONFLICT", saga.getString("failureCode"));
    assertEquals(
        List.of("COMPENSATED", "COMPENSATED", "COMPENSATED", "COMPENSATED", "PENDING", "SKIPPED"),
        saga.getList("steps.status"));
    SimOrganization org =
        ninjaOne.organizations().stream().filter(o -> o.id() == orgId).findFirst().orElseThrow();
    assertTrue(org.name().startsWith(event.organizationName() + " [rolled back "), org.name());
    assertEquals("REJECT", org.nodeApprovalMode());
    assertTrue(org.tags().contains("onboarding-rolled-back"));
    assertEquals(List.of(), ninjaOne.policies(orgId));
    assertEquals(Map.of(), ninjaOne.customFields(orgId));
    assertNotNull(saga.getString("cleanupTask.description"));
    assertTrue(saga.getString("cleanupTask.description").contains(Long.toString(orgId)));

    // the rollback freed the name: the same client can be onboarded again
    assertTrue(ninjaOne.organizationByName(event.organizationName()).isEmpty());
  }

  @Test
  void lostCreateResponseIsAdoptedWithoutDuplicate() {
    ninjaOne.dropResponseNext("POST", "/v2/organizations", 1);
    Events.Event event = Events.newClient("lost");
    stack.publish(event);

    JsonPath saga = api.awaitStatus(event.clientId(), "COMPLETED");
    assertEquals(1, ninjaOne.organizationsNamed(event.organizationName()).size());
    assertEquals(2, saga.getInt("steps.find { it.name == 'CREATE_ORGANIZATION' }.attempts"));
    assertEquals(
        saga.getLong("organizationId"),
        ninjaOne.organizationsNamed(event.organizationName()).get(0).id());
  }

  @Test
  void lostLocationResponseIsAdoptedByName() {
    ninjaOne.dropResponseNext("POST", "/v2/organization/\\d+/locations", 1);
    Events.Event event = Events.newClient("lost-location");
    stack.publish(event);

    JsonPath saga = api.awaitStatus(event.clientId(), "COMPLETED");
    assertEquals(3, ninjaOne.locations(saga.getLong("organizationId")).size());
  }

  @Test
  void operatorCanRollBackACompletedSaga() {
    Events.Event event = Events.newClient("undo");
    stack.publish(event);
    String id = api.awaitStatus(event.clientId(), "COMPLETED").getString("id");

    stack.request().post("/api/v1/sagas/" + id + "/compensate").then().statusCode(202);
    JsonPath saga = api.awaitStatus(event.clientId(), "COMPENSATED");
    assertEquals("OPERATOR_REQUESTED", saga.getString("failureCode"));
    List<Map<String, Object>> tasks =
        stack
            .request()
            .queryParam("organizationId", saga.getLong("organizationId"))
            .get("/api/v1/agent-deployment-tasks")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("tasks");
    tasks.forEach(t -> assertEquals("CANCELLED", t.get("status")));
  }
}
