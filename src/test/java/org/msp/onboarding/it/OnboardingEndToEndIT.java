package org.msp.onboarding.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.messaging.Topics;
import org.msp.onboarding.simulator.SimLocation;
import org.msp.onboarding.simulator.SimOrganization;
import org.msp.onboarding.simulator.SimPolicyMapping;

class OnboardingEndToEndIT extends StackTest {

  @Test
  void severalClientsOnboardedAtOnceGetEveryNinjaOneEffect() {
    List<Events.Event> events = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      events.add(Events.newClient("many" + i));
    }
    events.forEach(stack::publish);

    for (Events.Event event : events) {
      JsonPath saga = api.awaitStatus(event.clientId(), "COMPLETED");
      long orgId = saga.getLong("organizationId");
      SimOrganization org = ninjaOne.organizationByName(event.organizationName()).orElseThrow();
      assertEquals(orgId, org.id());
      assertEquals(saga.getString("id"), org.userData().get("onboardingSagaId"));
      assertEquals("AUTOMATIC", org.nodeApprovalMode());
      assertEquals(
          Set.of("Main Office", "Headquarters", "Branch"),
          ninjaOne.locations(orgId).stream().map(SimLocation::name).collect(Collectors.toSet()));
      assertEquals(
          List.of(new SimPolicyMapping(1, 100), new SimPolicyMapping(2, 200)),
          ninjaOne.policies(orgId));
      Map<String, Object> fields = ninjaOne.customFields(orgId);
      assertEquals("Managed", fields.get("contractType"));
      assertEquals(4, ((Number) fields.get("slaHours")).intValue());
      assertEquals(
          List.of("SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SKIPPED"),
          saga.getList("steps.status"));
      List<Map<String, Object>> tasks = api.deploymentTasks(orgId);
      assertEquals(2, tasks.size());
      tasks.forEach(
          t -> assertTrue(((String) t.get("installerUrl")).startsWith("https://"), t.toString()));
    }
  }

  @Test
  void statusEventsAreRelayedInOrderForTheClient() {
    Events.Event event = Events.newClient("events");
    stack.publish(event);
    api.awaitStatus(event.clientId(), "COMPLETED");

    List<ConsumerRecord<String, byte[]>> records =
        TopicReader.awaitRecords(
            stack.kafka.bootstrapServers(),
            Topics.EVENTS,
            r -> event.clientId().equals(r.key()),
            9,
            Duration.ofSeconds(30));
    List<String> types =
        records.stream()
            .map(r -> Events.parse(TopicReader.value(r)))
            .map(n -> n.get("type").asText())
            .toList();
    assertEquals(
        List.of(
            "SagaStarted",
            "StepSucceeded",
            "StepSucceeded",
            "StepSucceeded",
            "StepSucceeded",
            "StepSucceeded",
            "AgentDeploymentTaskRecorded",
            "AgentDeploymentTaskRecorded",
            "SagaCompleted"),
        types);
  }

  @Test
  void duplicateEventIsANoOp() {
    Events.Event event = Events.newClient("dup");
    stack.publish(event);
    stack.publish(event);
    api.awaitStatus(event.clientId(), "COMPLETED");
    stack.publish(event);

    Events.Event marker = Events.newClient("after-dup");
    stack.publish(marker);
    api.awaitStatus(marker.clientId(), "COMPLETED");
    assertEquals(1, api.sagasOf(event.clientId()).size());
    assertEquals(1, ninjaOne.organizationsNamed(event.organizationName()).size());
  }

  @Test
  void oneSagaCostsEightNinjaOneCallsAndOneNameCheckCallWhateverTheTenantsSize() {
    ninjaOne.seedOrganizations(2000, "Existing client ");
    // the name index reads the 2,000 new organizations once (whichever saga checks a name first)
    // ...
    Events.Event first = Events.newClient("cost-first");
    stack.publish(first);
    api.awaitStatus(first.clientId(), "COMPLETED");
    ninjaOne.clearCalls();
    // ... and from then on a saga's name check reads only what was created since: one call
    Events.Event event = Events.newClient("cost");
    stack.publish(event);
    api.awaitStatus(event.clientId(), "COMPLETED");

    List<String> calls =
        ninjaOne.calls().stream()
            .filter(c -> !c.path().equals("/ws/oauth/token"))
            .filter(c -> !c.path().endsWith("/devices")) // deployments confirmed: not the saga's
            .map(c -> c.method() + " " + c.path().replaceAll("/\\d+", "/{id}"))
            .toList();
    assertEquals(
        List.of(
            "GET /v2/organizations",
            "POST /v2/organizations",
            "POST /v2/organization/{id}/locations",
            "POST /v2/organization/{id}/locations",
            "PUT /v2/organization/{id}/policies",
            "GET /v2/organization/{id}/custom-fields",
            "PATCH /v2/organization/{id}/custom-fields"),
        calls.subList(0, Math.min(7, calls.size())));
    // the two installer links are fetched side by side, in either order
    assertEquals(
        java.util.Set.of(
            "POST /v2/organization/generate-installer",
            "GET /v2/organization/{id}/location/{id}/installer/WINDOWS_MSI"),
        java.util.Set.copyOf(calls.subList(Math.min(7, calls.size()), calls.size())));
    assertEquals(9, calls.size(), calls.toString());
  }

  @Test
  void burstOfSagasCostsFewPostgresCommitsPerSaga() throws Exception {
    int sagas = 40;
    List<Events.Event> events = new ArrayList<>();
    for (int i = 0; i < sagas; i++) {
      events.add(Events.newClient("commits" + i));
    }
    String[] clients = events.stream().map(Events.Event::clientId).toArray(String[]::new);
    long before = commits();
    events.forEach(stack::publish);
    int polls = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (completed(clients) < sagas && System.nanoTime() < deadline) {
      polls++;
      Thread.sleep(500);
    }
    Thread.sleep(1500); // backends publish their statistics about once a second
    // our own polls and the two commits() reads are not the service's
    double perSaga = (commits() - before - polls - 2) / (double) sagas;
    System.out.printf(
        "[cost] %d sagas: %.2f PostgreSQL commits per saga (background relay and gauges included)%n",
        sagas, perSaga);
    assertEquals(sagas, completed(clients));
    assertTrue(perSaga < 12, "commits per saga: " + perSaga);
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

  private long commits() throws Exception {
    try (var connection = stack.database.connect();
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
