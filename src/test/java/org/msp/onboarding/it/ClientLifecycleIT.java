package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.messaging.Topics;
import org.msp.onboarding.simulator.SimLocation;
import org.msp.onboarding.simulator.SimOrganization;
import org.msp.onboarding.simulator.SimPolicyMapping;

/**
 * A client's life after its onboarding, on the real broker, PostgreSQL and the simulator: updates,
 * offboarding, requests queued behind the client's running saga, and what is refused.
 */
class ClientLifecycleIT extends StackTest {

  private static Events.Event update(Events.Event onboarding, String newName) {
    ObjectNode json = onboarding.json().deepCopy();
    json.put("eventId", UUID.randomUUID().toString());
    json.put("type", "ClientUpdated");
    ObjectNode org = (ObjectNode) json.get("organization");
    org.put("name", newName);
    org.putArray("tags").add("platinum");
    ((ObjectNode) org.get("fields")).put("contractType", "Premium Managed");
    org.withArray("locations").addObject().put("name", "Warehouse").put("address", "9 Dock Rd");
    json.withArray("agentDeployments")
        .addObject()
        .put("location", "Warehouse")
        .put("installerType", "WINDOWS_MSI");
    return new Events.Event(json);
  }

  private static Events.Event offboarding(String clientId) {
    ObjectNode json = Events.JSON.createObjectNode();
    json.put("eventId", UUID.randomUUID().toString());
    json.put("clientId", clientId);
    json.put("type", "ClientOffboarded");
    json.put("occurredAt", "2026-12-01T09:00:00Z");
    json.put("reason", "contract ended");
    return new Events.Event(json);
  }

  /** Waits until the client has this many sagas, all ended COMPLETED; oldest first. */
  private List<Map<String, Object>> awaitCompleted(String clientId, int count) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              List<Map<String, Object>> sagas = api.sagasOf(clientId);
              return sagas.size() == count
                  && sagas.stream().allMatch(s -> "COMPLETED".equals(s.get("status")));
            });
    List<Map<String, Object>> sagas = new java.util.ArrayList<>(api.sagasOf(clientId));
    sagas.sort(java.util.Comparator.comparing(s -> (String) s.get("createdAt")));
    return sagas;
  }

  private String deadLetterReason(String clientId) {
    return TopicReader.header(deadLetter(clientId), "dead-letter-reason");
  }

  private ConsumerRecord<String, byte[]> deadLetter(String clientId) {
    List<ConsumerRecord<String, byte[]>> found =
        TopicReader.awaitRecords(
            stack.kafka.bootstrapServers(),
            Topics.REQUESTS_DLQ,
            r -> clientId.equals(r.key()),
            1,
            Duration.ofSeconds(30));
    assertEquals(1, found.size(), "one dead letter for " + clientId);
    return found.get(0);
  }

  private void assertNoDeadLetter(String clientId) {
    assertTrue(
        TopicReader.awaitRecords(
                stack.kafka.bootstrapServers(),
                Topics.REQUESTS_DLQ,
                r -> clientId.equals(r.key()),
                1,
                Duration.ofSeconds(3))
            .isEmpty(),
        "nothing dead-lettered for " + clientId);
  }

  @Test
  void anUpdateRenamesTheOrganizationAddsALocationAndChangesAField() {
    Events.Event onboarding = Events.newClient("update");
    stack.publish(onboarding);
    long orgId = api.awaitStatus(onboarding.clientId(), "COMPLETED").getLong("organizationId");
    String newName = onboarding.organizationName() + " Renamed";
    stack.publish(update(onboarding, newName));

    List<Map<String, Object>> sagas = awaitCompleted(onboarding.clientId(), 2);
    assertEquals("ClientUpdated", sagas.get(1).get("type"));
    assertEquals(orgId, ((Number) sagas.get(1).get("organizationId")).longValue());
    SimOrganization org = ninjaOne.organizationByName(newName).orElseThrow();
    assertEquals(orgId, org.id(), "the same organization, renamed");
    assertEquals(List.of("platinum"), org.tags(), "the managed tag replaced");
    assertEquals("Premium Managed", ninjaOne.customFields(orgId).get("contractType"));
    assertTrue(
        ninjaOne.locations(orgId).stream().map(SimLocation::name).toList().contains("Warehouse"));
    List<Map<String, Object>> tasks = api.deploymentTasks(orgId);
    assertEquals(
        1,
        tasks.stream().filter(t -> "Warehouse".equals(t.get("locationName"))).count(),
        "the new site gets its agent task: " + tasks);
    assertEquals(3, tasks.size(), "the earlier sites' tasks are not recorded twice: " + tasks);
  }

  @Test
  void aSecondOnboardingOfAnOnboardedClientUpdatesItsOrganizationInsteadOfCreatingASecond() {
    Events.Event first = Events.newClient("onboarded");
    stack.publish(first);
    long orgId = api.awaitStatus(first.clientId(), "COMPLETED").getLong("organizationId");
    Events.Event second = Events.newClient("onboarded-renamed");
    second.json().put("clientId", first.clientId());
    stack.publish(second);

    List<Map<String, Object>> sagas = awaitCompleted(first.clientId(), 2);
    assertEquals("ClientUpdated", sagas.get(1).get("type"));
    assertEquals(1, ninjaOne.organizationsNamed(second.organizationName()).size());
    assertEquals(orgId, ninjaOne.organizationsNamed(second.organizationName()).get(0).id());
    assertTrue(ninjaOne.organizationsNamed(first.organizationName()).isEmpty());
  }

  @Test
  void threeRequestsForOneClientPublishedBackToBackRunInOrderAndNoneIsDeadLettered() {
    Events.Event onboarding = Events.newClient("back-to-back");
    Events.Event update = update(onboarding, onboarding.organizationName() + " B");
    Events.Event offboarding = offboarding(onboarding.clientId());
    ninjaOne.delayNext("POST", "/v2/organizations", 1, Duration.ofSeconds(4));
    stack.publishAll(List.of(onboarding, update, offboarding));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                stack
                    .request()
                    .queryParam("clientId", onboarding.clientId())
                    .get("/api/v1/queued-requests")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("requests.type")
                    .equals(List.of("ClientUpdated", "ClientOffboarded")));
    List<Map<String, Object>> sagas = awaitCompleted(onboarding.clientId(), 3);
    assertEquals(
        List.of("ClientOnboardingRequested", "ClientUpdated", "ClientOffboarded"),
        sagas.stream().map(s -> s.get("type")).toList());
    for (int i = 1; i < 3; i++) {
      assertTrue(
          ((String) sagas.get(i).get("createdAt"))
                  .compareTo((String) sagas.get(i - 1).get("finishedAt"))
              >= 0,
          "each started after the previous one ended: " + sagas);
    }
    assertNoDeadLetter(onboarding.clientId());
  }

  @Test
  void anOffboardingRejectsDevicesEmptiesPoliciesTagsTheOrganizationAndClosesItsTasks() {
    Events.Event onboarding = Events.newClient("offboard");
    stack.publish(onboarding);
    long orgId = api.awaitStatus(onboarding.clientId(), "COMPLETED").getLong("organizationId");
    assertFalse(ninjaOne.policies(orgId).isEmpty());
    stack.publish(offboarding(onboarding.clientId()));

    List<Map<String, Object>> sagas = awaitCompleted(onboarding.clientId(), 2);
    SimOrganization org =
        ninjaOne.organizations().stream().filter(o -> o.id() == orgId).findFirst().orElseThrow();
    assertEquals("REJECT", org.nodeApprovalMode());
    assertEquals(onboarding.organizationName(), org.name(), "never renamed");
    assertTrue(org.tags().contains("offboarded"), org.tags().toString());
    assertTrue(ninjaOne.policies(orgId).isEmpty());
    assertTrue(
        api.deploymentTasks(orgId).stream().allMatch(t -> "CANCELLED".equals(t.get("status"))),
        "open tasks cancelled");
    String cleanup = api.saga((String) sagas.get(1).get("id")).getString("cleanupTask.description");
    assertTrue(cleanup.contains("contract ended") && cleanup.contains("archive"), cleanup);
  }

  @Test
  void anOffboardingOfAnOffboardedClientIsDeadLettered() {
    Events.Event onboarding = Events.newClient("offboard-twice");
    stack.publishAll(List.of(onboarding, offboarding(onboarding.clientId())));
    awaitCompleted(onboarding.clientId(), 2);
    stack.publish(offboarding(onboarding.clientId()));

    assertTrue(deadLetterReason(onboarding.clientId()).startsWith("ALREADY_OFFBOARDED"));
  }

  @Test
  void anUpdateOfAClientNeverOnboardedIsDeadLettered() {
    Events.Event update = update(Events.newClient("unknown"), "Nobody");
    stack.publish(update);

    String reason = deadLetterReason(update.clientId());
    assertTrue(reason.startsWith("NOT_ONBOARDED"), reason);
    assertTrue(api.sagasOf(update.clientId()).isEmpty());
  }

  @Test
  void anUpdateQueuedBehindAnOnboardingThatIsRolledBackIsDeadLetteredWhenItsTurnComes() {
    Events.Event onboarding = Events.newClient("rolled-back");
    ninjaOne.seedOrganization(onboarding.organizationName(), Map.of());
    Events.Event update = update(onboarding, "Never Applied");
    stack.publishAll(List.of(onboarding, update));

    ConsumerRecord<String, byte[]> letter = deadLetter(onboarding.clientId());
    String reason = TopicReader.header(letter, "dead-letter-reason");
    assertTrue(reason.startsWith("NOT_ONBOARDED"), reason);
    assertTrue(reason.contains("waited"), reason);
    // the letter names the record the update came in, as a refusal on arrival does
    ConsumerRecord<String, byte[]> original =
        TopicReader.awaitRecords(
                stack.kafka.bootstrapServers(),
                Topics.REQUESTS,
                r -> TopicReader.value(r).contains(update.eventId()),
                1,
                Duration.ofSeconds(10))
            .get(0);
    assertEquals(
        Integer.toString(original.partition()),
        TopicReader.header(letter, "dead-letter-partition"));
    assertEquals(
        Long.toString(original.offset()), TopicReader.header(letter, "dead-letter-offset"));
    List<Map<String, Object>> sagas = api.sagasOf(onboarding.clientId());
    assertEquals(1, sagas.size());
    assertEquals("COMPENSATED", sagas.get(0).get("status"));
  }

  private SimOrganization handMade(String name) {
    return ninjaOne.seedOrganization(
        name,
        "MANUAL",
        List.of("hand-made"),
        List.of("Old Site"),
        List.of(new SimPolicyMapping(3, 300)),
        Map.of("legacyField", "keep"));
  }

  private static Events.Event adopting(Events.Event onboarding, long organizationId) {
    onboarding.organization().put("ninjaOneOrganizationId", organizationId);
    return onboarding;
  }

  @Test
  void anAdoptedOrganizationGetsWhatTheRequestAsksAndKeepsEverythingElse() {
    Events.Event onboarding = Events.newClient("adopt");
    SimOrganization legacy = handMade("Legacy " + onboarding.clientId());
    stack.publish(adopting(onboarding, legacy.id()));

    var saga = api.awaitStatus(onboarding.clientId(), "COMPLETED");
    assertEquals(legacy.id(), saga.getLong("organizationId"));
    SimOrganization org =
        ninjaOne.organizations().stream()
            .filter(o -> o.id() == legacy.id())
            .findFirst()
            .orElseThrow();
    assertEquals(legacy.name(), org.name(), "never renamed");
    assertEquals("MANUAL", org.nodeApprovalMode());
    assertEquals(List.of("hand-made", "premium"), org.tags());
    assertEquals(saga.getString("id"), org.userData().get("onboardingSagaId"));
    List<String> locations =
        ninjaOne.locations(legacy.id()).stream().map(SimLocation::name).toList();
    assertTrue(
        locations.containsAll(List.of("Old Site", "Headquarters", "Branch")), locations.toString());
    assertTrue(
        ninjaOne.policies(legacy.id()).contains(new SimPolicyMapping(3, 300)), "role 3 kept");
    assertTrue(ninjaOne.policies(legacy.id()).contains(new SimPolicyMapping(1, 100)));
    assertEquals("keep", ninjaOne.customFields(legacy.id()).get("legacyField"));
    assertEquals("Managed", ninjaOne.customFields(legacy.id()).get("contractType"));
    assertEquals(
        0, ninjaOne.organizationsNamed(onboarding.organizationName()).size(), "none created");
  }

  @Test
  void aRolledBackAdoptionLeavesTheOrganizationAsItWas() {
    Events.Event onboarding = Events.newClient("adopt-rollback");
    SimOrganization legacy = handMade("Legacy " + onboarding.clientId());
    ninjaOne.failNext("PATCH", "/v2/organization/\\d+/custom-fields", 1, 400);
    stack.publish(adopting(onboarding, legacy.id()));

    api.awaitStatus(onboarding.clientId(), "COMPENSATED");
    SimOrganization org =
        ninjaOne.organizations().stream()
            .filter(o -> o.id() == legacy.id())
            .findFirst()
            .orElseThrow();
    assertEquals(legacy.name(), org.name());
    assertEquals("MANUAL", org.nodeApprovalMode(), "never blocked");
    assertEquals(List.of("hand-made"), org.tags());
    assertFalse(org.userData().containsKey("onboardingSagaId"));
    assertEquals(List.of(new SimPolicyMapping(3, 300)), ninjaOne.policies(legacy.id()));
    assertEquals(Map.of("legacyField", "keep"), ninjaOne.customFields(legacy.id()));
  }

  @Test
  void anOrganizationToAdoptThatDoesNotExistIsNotCreatedAndTheSagaIsRolledBack() {
    Events.Event onboarding = Events.newClient("adopt-missing");
    stack.publish(adopting(onboarding, 987654321L));

    var saga = api.awaitStatus(onboarding.clientId(), "COMPENSATED");
    assertEquals("ORGANIZATION_NOT_ADOPTABLE", saga.getString("failureCode"));
    assertEquals(0, ninjaOne.organizationsNamed(onboarding.organizationName()).size());
  }

  @Test
  void aTemplateOrganizationAndChecklistTemplatesAreUsedOnCreate() {
    Events.Event onboarding = Events.newClient("template");
    SimOrganization template =
        ninjaOne.seedOrganization(
            "Template " + onboarding.clientId(),
            "AUTOMATIC",
            List.of(),
            List.of(),
            List.of(),
            Map.of("backupPlan", "Gold"));
    onboarding.organization().put("templateOrganizationId", template.id());
    onboarding.json().putArray("checklistTemplateIds").add(41).add(42);
    stack.publish(onboarding);

    long orgId = api.awaitStatus(onboarding.clientId(), "COMPLETED").getLong("organizationId");
    assertEquals(
        "Gold", ninjaOne.customFields(orgId).get("backupPlan"), "copied from the template");
    assertEquals("Managed", ninjaOne.customFields(orgId).get("contractType"));
    assertEquals(List.of(41L, 42L), ninjaOne.checklists(orgId).stream().map(c -> c[0]).toList());
  }
}
