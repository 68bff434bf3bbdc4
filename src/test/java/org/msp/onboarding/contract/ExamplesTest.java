package org.msp.onboarding.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in examples/ is valid against the contract, and every type has an example. */
class ExamplesTest {
  private static final Path STATUS_EVENTS = RequestSamples.EXAMPLES.resolve("status-events");

  static Stream<Arguments> requestExamples() {
    return Stream.concat(
            RequestSamples.jsonFiles(RequestSamples.EXAMPLES),
            RequestSamples.jsonFiles(RequestSamples.EXAMPLES.resolve("requests")))
        .map(file -> Arguments.of(Named.of(file.toString(), file)));
  }

  static Stream<Arguments> statusEventExamples() {
    return RequestSamples.jsonFiles(STATUS_EVENTS)
        .map(file -> Arguments.of(Named.of(file.toString(), file)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestExamples")
  void requestExampleIsValidAgainstTheRequestSchema(Path file) {
    JsonNode example = RequestSamples.read(RequestSamples.bytes(file));
    assertEquals(List.of(), ContractSchemas.errors(ContractSchemas.REQUEST, example));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statusEventExamples")
  void statusEventExampleIsValidAndHasNoUndocumentedProperty(Path file) {
    String example = new String(RequestSamples.bytes(file), StandardCharsets.UTF_8);
    ContractSchemas.assertValidStatusEvent(example);
    String type = RequestSamples.read(RequestSamples.bytes(file)).path("type").asText();
    assertEquals(
        ContractSchemas.fileOf(type),
        file.getFileName().toString().replace(".json", ".schema.json"));
  }

  @Test
  void everyRequestTypeHasAnExampleInExamplesRequests() {
    TreeSet<String> types = new TreeSet<>();
    RequestSamples.jsonFiles(RequestSamples.EXAMPLES.resolve("requests"))
        .forEach(
            f -> types.add(RequestSamples.read(RequestSamples.bytes(f)).path("type").asText()));
    assertEquals(
        enumOf(ContractSchemas.schemaFile("definitions.schema.json").at("/$defs/requestType/enum")),
        types);
  }

  @Test
  void everyStatusEventTypeHasAnExampleInExamplesStatusEvents() {
    TreeSet<String> types = new TreeSet<>();
    RequestSamples.jsonFiles(STATUS_EVENTS)
        .forEach(
            f -> types.add(RequestSamples.read(RequestSamples.bytes(f)).path("type").asText()));
    assertEquals(
        enumOf(
            ContractSchemas.schemaFile(ContractSchemas.STATUS_EVENT).at("/properties/type/enum")),
        types);
  }

  static TreeSet<String> enumOf(JsonNode values) {
    TreeSet<String> set = new TreeSet<>();
    values.forEach(v -> set.add(v.asText()));
    return set;
  }
}
