package org.msp.onboarding.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartIT extends StackTest {

  @Test
  void sagaWaitingForARetryResumesAfterTheServiceIsKilledAndRestarted() {
    ninjaOne.throttleNext("PUT", "/v2/organization/\\d+/policies", 1, 4);
    Events.Event event = Events.newClient("restart-wait");
    stack.publish(event);
    String id = api.awaitSagaId(event.clientId());
    api.awaitStepStatus(id, "MAP_POLICIES", "WAITING_RETRY");

    stack.service.kill();
    stack.service.restart();

    api.awaitStatus(event.clientId(), "COMPLETED");
    assertEquals(1, ninjaOne.organizationsNamed(event.organizationName()).size());
  }

  @Test
  void stepInFlightWhenTheServiceDiesIsPickedUpAfterTheLeaseExpires() {
    ninjaOne.delayNext("POST", "/v2/organizations", 1, Duration.ofSeconds(3));
    Events.Event event = Events.newClient("restart-inflight");
    stack.publish(event);
    String id = api.awaitSagaId(event.clientId());
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "RUNNING".equals(api.saga(id).getString("steps[0].status")));

    stack.service.kill();
    stack.service.restart();

    api.awaitStatus(event.clientId(), "COMPLETED");
    assertEquals(
        1,
        ninjaOne.organizationsNamed(event.organizationName()).size(),
        "no duplicate organization");
  }
}
