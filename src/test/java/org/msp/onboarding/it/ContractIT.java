package org.msp.onboarding.it;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.contract.ContractDocuments;
import org.msp.onboarding.contract.ContractSchemas;
import org.msp.onboarding.messaging.Topics;

/**
 * The event contract from the running service: served to anyone, byte for byte the repository's
 * files; and the status events of a completed and of a rolled-back saga keep to it.
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
  void theStatusEventsOfACompletedAndOfARolledBackSagaKeepToTheContract() {
    Events.Event completed = Events.newClient("contract-completed");
    stack.publish(completed);
    api.awaitStatus(completed.clientId(), "COMPLETED");
    ninjaOne.failNext("PATCH", "/v2/organization/\\d+/custom-fields", 1, 409);
    Events.Event rolledBack = Events.newClient("contract-rolled-back");
    stack.publish(rolledBack);
    api.awaitStatus(rolledBack.clientId(), "COMPENSATED");

    // TopicReader checks every status event it returns against its schema
    List<ConsumerRecord<String, byte[]>> events =
        TopicReader.awaitRecords(
            stack.kafka.bootstrapServers(),
            Topics.EVENTS,
            r -> completed.clientId().equals(r.key()) || rolledBack.clientId().equals(r.key()),
            9 + 5,
            Duration.ofSeconds(30));
    List<String> types =
        events.stream().map(r -> Events.parse(TopicReader.value(r)).path("type").asText()).toList();
    assertEquals(1, types.stream().filter("SagaCompleted"::equals).count(), types.toString());
    assertEquals(1, types.stream().filter("SagaCompensated"::equals).count(), types.toString());
  }
}
