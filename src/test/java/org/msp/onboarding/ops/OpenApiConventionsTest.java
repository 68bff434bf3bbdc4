package org.msp.onboarding.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document (src/main/openapi/openapi.json, kept equal to the served one by
 * OpenApiDocumentIT) follows the API's conventions: every operation has an operation id and a
 * summary, every query parameter says its type (an enum, an integer with bounds, a bounded string)
 * rather than a bare string, and every error is described as problem+json.
 */
class OpenApiConventionsTest {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private static JsonNode document;

  @BeforeAll
  static void read() throws IOException {
    document = new ObjectMapper().readTree(Path.of("src/main/openapi/openapi.json").toFile());
  }

  @Test
  void everyOperationHasAUniqueOperationIdAndASummary() {
    List<String> missing = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Operation operation : operations()) {
      String id = operation.node().path("operationId").asText();
      if (id.isBlank() || operation.node().path("summary").asText().isBlank()) {
        missing.add(operation.name());
      }
      assertTrue(id.isBlank() || ids.add(id), "operationId used twice: " + id);
    }
    assertFalse(ids.isEmpty(), "operations found");
    assertEquals(List.of(), missing, "operations without operationId or summary");
  }

  @Test
  void everyQueryParameterIsTyped() {
    Set<String> untyped = new TreeSet<>();
    for (Operation operation : operations()) {
      for (JsonNode parameter : operation.node().path("parameters")) {
        if (parameter.path("in").asText().equals("query")
            && !typed(resolve(parameter.path("schema")))) {
          untyped.add(operation.name() + " ?" + parameter.path("name").asText());
        }
      }
    }
    assertEquals(Set.of(), untyped, "query parameters without an enum, bounds or a length");
  }

  @Test
  void everyErrorResponseIsAProblemWithADescription() {
    Set<String> notProblems = new TreeSet<>();
    int errors = 0;
    for (Operation operation : operations()) {
      var responses = operation.node().path("responses").fields();
      while (responses.hasNext()) {
        var response = responses.next();
        if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
          errors++;
          JsonNode schema =
              response.getValue().path("content").path("application/problem+json").path("schema");
          if (!resolve(schema).path("properties").has("detail")
              || response.getValue().path("description").asText().isBlank()
              || response.getValue().path("description").asText().startsWith("Not ")) {
            notProblems.add(operation.name() + " " + response.getKey());
          }
        }
      }
    }
    assertTrue(errors > 40, "error responses found: " + errors);
    assertEquals(Set.of(), notProblems, "errors not described as problem+json in our words");
  }

  @Test
  void sagaListTakesAStatusEnumAndAPageSizeFromOneTo200() {
    JsonNode list = document.path("paths").path("/api/v1/sagas").path("get");
    JsonNode status = resolve(parameter(list, "status").path("schema"));
    JsonNode pageSize = resolve(parameter(list, "pageSize").path("schema"));

    assertTrue(status.path("enum").toString().contains("COMPENSATED"), status.toString());
    assertEquals("integer", pageSize.path("type").asText());
    assertEquals(1, pageSize.path("minimum").asInt());
    assertEquals(200, pageSize.path("maximum").asInt());
  }

  /**
   * An enum, a number or boolean (integers with a minimum), or a string with a length or format.
   */
  private static boolean typed(JsonNode schema) {
    if (schema.has("enum")) {
      return true;
    }
    return switch (schema.path("type").asText()) {
      case "integer", "number" -> schema.has("minimum");
      case "boolean" -> true;
      case "string" -> schema.has("maxLength") || schema.has("format");
      default -> false;
    };
  }

  private static JsonNode parameter(JsonNode operation, String name) {
    for (JsonNode parameter : operation.path("parameters")) {
      if (parameter.path("name").asText().equals(name)) {
        return parameter;
      }
    }
    throw new AssertionError("no parameter " + name + " in " + operation);
  }

  private static JsonNode resolve(JsonNode schema) {
    String ref = schema.path("$ref").asText();
    if (ref.isEmpty()) {
      return schema;
    }
    return document.at(ref.substring(1)); // "#/components/schemas/X" as a JSON pointer
  }

  private record Operation(String name, JsonNode node) {}

  private static List<Operation> operations() {
    List<Operation> all = new ArrayList<>();
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        method -> {
                          if (METHODS.contains(method.getKey())) {
                            all.add(
                                new Operation(
                                    method.getKey().toUpperCase() + " " + path.getKey(),
                                    method.getValue()));
                          }
                        }));
    return all;
  }
}
