package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.simulator.SimOrganization;

/**
 * A taken name in a tenant that answers no 409 (NinjaOne's published API lists none): the simulator
 * accepts duplicate names here, so only the service's own name check stands between a client and a
 * second organization.
 */
class NameCheckIT extends StackTest {
  private static final String CREATE = "/v2/organizations";

  @BeforeEach
  void duplicatesAccepted() {
    ninjaOne.setRejectDuplicateNames(false);
  }

  @AfterEach
  void duplicatesRefusedAgain() {
    ninjaOne.setLatency(Duration.ZERO);
    ninjaOne.setRejectDuplicateNames(
        true); // the stack is shared: the other tests expect NinjaOne's 409
  }

  @Test
  void foreignOrganizationWithTheClientsNameIsRefusedUntouchedThoughNinjaOneWouldAcceptASecond() {
    Events.Event event = Events.newClient("taken-no409");
    SimOrganization foreign =
        ninjaOne.seedOrganization(event.organizationName(), Map.of("owner", "someone else"));
    ninjaOne.clearCalls();
    stack.publish(event);

    JsonPath saga = api.awaitStatus(event.clientId(), "COMPENSATED");
    assertEquals("NAME_CONFLICT", saga.getString("failureCode"));
    assertTrue(
        saga.getString("failureReason").contains("id " + foreign.id()),
        saga.getString("failureReason"));
    assertEquals(
        List.of(foreign),
        ninjaOne.organizationsNamed(event.organizationName()),
        "no second organization");
    assertEquals(0, ninjaOne.callCount("POST", CREATE));
    assertEquals(
        0,
        ninjaOne.calls().stream()
            .filter(c -> c.path().contains("/organization/" + foreign.id()))
            .count());
  }

  @Test
  void ownOrganizationIsAdoptedByItsMarkerAmongSeveralOfTheSameNameAfterALostCreateResponse() {
    Events.Event event = Events.newClient("shared-name");
    SimOrganization foreign = foreignCreatedWhileTheCreateIsInFlightAndItsAnswerLost(event);

    JsonPath saga = api.awaitStatus(event.clientId(), "COMPLETED");
    List<SimOrganization> named = ninjaOne.organizationsNamed(event.organizationName());
    assertEquals(2, named.size(), "the foreign one and ours, no third");
    assertEquals(foreign, named.get(0), "the foreign one is listed first and left untouched");
    assertEquals(named.get(1).id(), saga.getLong("organizationId"));
    assertEquals(saga.getString("id"), named.get(1).userData().get("onboardingSagaId"));
    assertEquals(1, ninjaOne.callCount("POST", CREATE));
  }

  @Test
  void
      operatorRollbackOfACreateWhoseOutcomeWasNeverRecordedNeutralisesTheOrganizationFoundByMarker() {
    Events.Event event = Events.newClient("rollback-unrecorded");
    SimOrganization foreign = foreignCreatedWhileTheCreateIsInFlightAndItsAnswerLost(event);
    // the retry's name check is throttled for a minute: the step waits, its organization unrecorded
    ninjaOne.throttleNext("GET", CREATE, 1, 60);
    String sagaId = api.awaitSagaId(event.clientId());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ninjaOne.calls().stream().anyMatch(c -> c.status() == 429));
    api.awaitStepStatus(sagaId, "CREATE_ORGANIZATION", "WAITING_RETRY");
    assertNull(api.saga(sagaId).get("organizationId"), "the create's outcome was never recorded");

    stack.request().post("/api/v1/sagas/" + sagaId + "/compensate").then().statusCode(202);
    JsonPath saga = api.awaitStatus(event.clientId(), "COMPENSATED");

    assertEquals("OPERATOR_REQUESTED", saga.getString("failureCode"));
    List<SimOrganization> named = ninjaOne.organizationsNamed(event.organizationName());
    assertEquals(
        List.of(foreign), named, "ours no longer holds the name; the foreign one is as it was");
    SimOrganization ours =
        ninjaOne.organizations().stream()
            .filter(o -> sagaId.equals(o.userData().get("onboardingSagaId")))
            .findFirst()
            .orElseThrow();
    assertTrue(ours.name().startsWith(event.organizationName() + " [rolled back "), ours.name());
    assertEquals("REJECT", ours.nodeApprovalMode());
    assertEquals(ours.id(), saga.getLong("organizationId"));
  }

  /**
   * The create's answer is lost, and while it is in flight (1.5 s of NinjaOne latency) a foreign
   * organization of the same name appears: it gets the lower id, so it is listed before ours.
   * Answers the foreign one.
   */
  private SimOrganization foreignCreatedWhileTheCreateIsInFlightAndItsAnswerLost(
      Events.Event event) {
    settleTheNameIndex();
    ninjaOne.clearCalls();
    ninjaOne.dropResponseNext("POST", CREATE, 1);
    ninjaOne.setLatency(Duration.ofMillis(1500));
    stack.publish(event);
    // the name check's listing call has been answered: the create is now sleeping in the simulator
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> ninjaOne.callCount("GET", CREATE) > 0);
    SimOrganization foreign =
        ninjaOne.seedOrganization(event.organizationName(), Map.of("owner", "someone else"));
    ninjaOne.setLatency(Duration.ZERO);
    return foreign;
  }

  /**
   * One onboarding first, so that the name check of the saga under test reads the listing in a
   * single call.
   */
  private void settleTheNameIndex() {
    Events.Event warmUp = Events.newClient("name-index-warm-up");
    stack.publish(warmUp);
    api.awaitStatus(warmUp.clientId(), "COMPLETED");
  }
}
