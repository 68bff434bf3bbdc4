package org.msp.onboarding.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's JSON Schemas as the service serves them (from its classpath), checked by a real
 * draft 2020-12 validator with format assertions on, as the schemas ask.
 */
public final class ContractSchemas {
  /** The folder the service serves from its classpath; tests run in the project's directory. */
  public static final Path FOLDER = Path.of("src/main/resources/contract");

  public static final String REQUEST = "request.schema.json";
  public static final String STATUS_EVENT = "status-event.schema.json";

  static final ObjectMapper JSON = new ObjectMapper();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

  private ContractSchemas() {}

  /** What the named schema finds wrong with the value; empty when it is valid. */
  public static List<String> errors(String schemaFile, JsonNode value) {
    Schema schema =
        LOADED.computeIfAbsent(
            schemaFile,
            name ->
                REGISTRY.getSchema(
                    SchemaLocation.of("classpath:" + ContractDocuments.FOLDER + "/" + name)));
    return schema.validate(value).stream().map(Error::toString).toList();
  }

  /**
   * A status event as the service published it: valid against its schema, and with no property its
   * schema does not name (the schemas stay open for consumers; the service must not send what they
   * do not document).
   */
  public static void assertValidStatusEvent(String payload) {
    JsonNode event = read(payload);
    assertEquals(
        List.of(), errors(STATUS_EVENT, event), "status event against its schema: " + payload);
    String type = event.path("type").asText();
    TreeSet<String> documented = new TreeSet<>();
    documented.addAll(propertyNames(schemaFile(STATUS_EVENT).at("/$defs/envelope/properties")));
    documented.addAll(propertyNames(schemaFile(fileOf(type)).path("properties")));
    List<String> undocumented = new ArrayList<>();
    event
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!documented.contains(name)) {
                undocumented.add(name);
              }
            });
    assertEquals(
        List.of(), undocumented, type + " properties its schema does not name: " + payload);
  }

  /** The schema file of a status event type: SagaStarted is saga-started.schema.json. */
  public static String fileOf(String eventType) {
    return eventType.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase() + ".schema.json";
  }

  public static JsonNode schemaFile(String name) {
    try {
      return JSON.readTree(FOLDER.resolve(name).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  private static List<String> propertyNames(JsonNode properties) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = properties.fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }
}
