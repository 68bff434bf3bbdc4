package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.contract.ContractDocuments;
import org.msp.onboarding.contract.ContractSchemas;
import org.msp.onboarding.messaging.Topics;

/**
 * The event contract from the running service: served to anyone, byte for byte the repository's
 * files; the request examples of every type run, and the status events of their sagas and of a
 * rolled-back one keep to it.
 */
class ContractIT extends StackTest {

  @Test
  void theServiceServesEveryContractFileWithoutAToken() throws Exception {
    JsonPath index =
        stack.anonymous().get("/api/v1/schemas").then().statusCode(200).extract().jsonPath();
    assertEquals("/api/v1/schemas/asyncapi.yaml", index.getString("asyncapi"));
    List<String> schemas = index.getList("schemas");
    assertEquals(ContractDocuments.SCHEMAS.size(), schemas.size());
    for (String url : schemas) {
      String name = url.substring(url.lastIndexOf('/') + 1);
      Response served = stack.anonymous().get(url);
      served.then().statusCode(200).contentType(startsWith("application/schema+json"));
      assertArrayEquals(
          Files.readAllBytes(ContractSchemas.FOLDER.resolve(name)), served.asByteArray(), name);
    }
    Response asyncapi = stack.anonymous().get("/api/v1/schemas/asyncapi.yaml");
    asyncapi.then().statusCode(200).contentType(startsWith("application/yaml"));
    assertArrayEquals(
        Files.readAllBytes(Path.of("src/main/resources/contract/asyncapi.yaml")),
        asyncapi.asByteArray());
  }

  @Test
  void theOpenApiDocumentSaysTheContractNeedsNoToken() {
    JsonPath openapi =
        stack
            .anonymous()
            .accept("application/json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(), openapi.getList("paths.'/api/v1/schemas'.get.security"));
    assertEquals(List.of(), openapi.getList("paths.'/api/v1/schemas/{name}'.get.security"));
  }

  @Test
  void aNameThatIsNoContractFileIsA404Problem() {
    stack
        .anonymous()
        .get("/api/v1/schemas/application.properties")
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"));
  }

  @Test
  void theExamplesOfEveryRequestTypeRunAndTheirStatusEventsKeepToTheContract() throws Exception {
    String clientId = "contract-" + UUID.randomUUID();
    stack.publish(example("acme-dental.json", clientId, "Contract Onboarded " + clientId));
    api.awaitStatus(clientId, "COMPLETED");
    stack.publish(
        example("requests/client-updated.json", clientId, "Contract Updated " + clientId));
    awaitCompletedSagas(clientId, 2);
    stack.publish(example("requests/client-offboarded.json", clientId, null));
    awaitCompletedSagas(clientId, 3);
    String typed = "contract-typed-" + UUID.randomUUID();
    stack.publish(
        example("requests/client-onboarding-requested.json", typed, "Contract Typed " + typed));
    api.awaitStatus(typed, "COMPLETED");

    // TopicReader checks every status event it reads against its schema
    List<ConsumerRecord<String, byte[]>> ends =
        TopicReader.awaitRecords(
            stack.kafka.bootstrapServers(),
            Topics.EVENTS,
            r -> clientId.equals(r.key()) && typeOf(r).equals("SagaCompleted"),
            3,
            Duration.ofSeconds(30));
    assertEquals(
        List.of("ClientOnboardingRequested", "ClientUpdated", "ClientOffboarded"),
        ends.stream()
            .map(r -> Events.parse(TopicReader.value(r)).path("sagaType").asText())
            .toList());
  }

  @Test
  void theStatusEventsOfARolledBackSagaKeepToTheContract() {
    ninjaOne.failNext("PATCH", "/v2/organization/\\d+/custom-fields", 1, 409);
    Events.Event rolledBack = Events.newClient("contract-rolled-back");
    stack.publish(rolledBack);
    api.awaitStatus(rolledBack.clientId(), "COMPENSATED");

    // TopicReader checks every status event it reads against its schema
    List<ConsumerRecord<String, byte[]>> ends =
        TopicReader.awaitRecords(
            stack.kafka.bootstrapServers(),
            Topics.EVENTS,
            r -> rolledBack.clientId().equals(r.key()) && typeOf(r).equals("SagaCompensated"),
            1,
            Duration.ofSeconds(30));
    assertEquals(1, ends.size());
  }

  /** An example of examples/, for this client (record key and clientId), with a new eventId. */
  private static Events.Event example(String file, String clientId, String organizationName)
      throws Exception {
    ObjectNode json = (ObjectNode) Events.parse(Files.readString(Path.of("examples", file)));
    json.put("eventId", UUID.randomUUID().toString());
    json.put("clientId", clientId);
    if (organizationName != null) {
      ((ObjectNode) json.get("organization")).put("name", organizationName);
    }
    return new Events.Event(json);
  }

  private void awaitCompletedSagas(String clientId, int count) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              List<Map<String, Object>> sagas = api.sagasOf(clientId);
              return sagas.size() == count
                  && sagas.stream().allMatch(s -> "COMPLETED".equals(s.get("status")));
            });
  }

  private static String typeOf(ConsumerRecord<String, byte[]> record) {
    return Events.parse(TopicReader.value(record)).path("type").asText();
  }
}
