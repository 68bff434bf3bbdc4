package org.msp.onboarding.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.messaging.Topics;
import org.msp.onboarding.saga.FailureCode;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.request.DeploymentPlan;
import org.msp.onboarding.saga.request.Limits;
import org.msp.onboarding.saga.request.RequestType;

/**
 * The contract's documents say what the code does: their enums, topics and header names are the
 * code's, every reference resolves, and the service serves exactly the files of the folder.
 */
class ContractDocumentsTest {
  private static final Path DEAD_LETTERS =
      Path.of("src/main/java/org/msp/onboarding/messaging/DeadLetters.java");
  private static final Path ADMISSION =
      Path.of("src/main/java/org/msp/onboarding/saga/Admission.java");

  @Test
  void theServiceServesExactlyTheFilesOfTheContractFolder() throws IOException {
    try (Stream<Path> files = Files.list(ContractSchemas.FOLDER)) {
      assertEquals(
          new TreeSet<>(files.map(f -> f.getFileName().toString()).toList()),
          new TreeSet<>(ContractDocuments.all()));
    }
  }

  @Test
  void theStepsOfStepSucceededAreTheSagasSteps() {
    assertEquals(
        names(StepName.values()),
        ExamplesTest.enumOf(schema("step-succeeded.schema.json").at("/properties/step/enum")));
  }

  @Test
  void theStatusesAreTheSagasStatuses() {
    assertEquals(
        names(SagaStatus.values()),
        ExamplesTest.enumOf(
            schema(ContractSchemas.STATUS_EVENT).at("/$defs/envelope/properties/status/enum")));
  }

  @Test
  void aCompensationsDetailStartsWithOneOfTheFailureCodes() {
    String pattern =
        schema("saga-compensated.schema.json").at("/properties/detail/pattern").asText();
    assertEquals("^(" + String.join("|", names(FailureCode.values())) + "): ", sorted(pattern));
  }

  @Test
  void theInstallerTypesAreTheOnesRequestsMayName() {
    assertEquals(
        new TreeSet<>(Arrays.asList(DeploymentPlan.INSTALLER_TYPES.split("\\|"))),
        ExamplesTest.enumOf(definitions().at("/$defs/installerType/enum")));
  }

  @Test
  void theRequestTypesAreTheServicesRequestTypes() {
    TreeSet<String> types = new TreeSet<>();
    for (RequestType type : RequestType.values()) {
      types.add(type.wireName());
    }
    assertEquals(types, ExamplesTest.enumOf(definitions().at("/$defs/requestType/enum")));
  }

  @Test
  void nonBlankMeansWhatTheServiceCallsNotBlankForEveryCharacter() {
    Pattern nonBlank = Pattern.compile(definitions().at("/$defs/nonBlank/pattern").asText());
    List<String> differ = new ArrayList<>();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (!Character.isSurrogate(c)
          && nonBlank.matcher(String.valueOf(c)).find() == String.valueOf(c).isBlank()) {
        differ.add(String.format("U+%04X", (int) c));
      }
    }
    assertEquals(List.of(), differ);
  }

  @Test
  void noControlCharactersMeansWhatTheServiceCallsSoForEveryCharacter() {
    Pattern control =
        Pattern.compile(definitions().at("/$defs/noControlCharacters/not/pattern").asText());
    Pattern allowed = Pattern.compile(Limits.NO_CONTROL_CHARS);
    List<String> differ = new ArrayList<>();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String text = String.valueOf(c);
      if (control.matcher(text).find() == allowed.matcher(text).matches()) {
        differ.add(String.format("U+%04X", (int) c));
      }
    }
    assertEquals(List.of(), differ);
  }

  @Test
  void theAsyncApiChannelsAreTheServicesTopics() {
    JsonNode channels = asyncapi().path("channels");
    assertEquals(Topics.REQUESTS, channels.at("/requests/address").asText());
    assertEquals(Topics.EVENTS, channels.at("/statusEvents/address").asText());
    assertEquals(Topics.REQUESTS_DLQ, channels.at("/deadLetters/address").asText());
    assertEquals(
        Topics.REQUESTS,
        asyncapi()
            .at("/components/schemas/DeadLetterHeaders/properties/dead-letter-topic/const")
            .asText());
  }

  @Test
  void theDeadLetterHeadersAreTheOnesDeadLettersWrites() throws IOException {
    Matcher added =
        Pattern.compile("add\\(\\s*headers,\\s*\"([a-z-]+)\"")
            .matcher(Files.readString(DEAD_LETTERS));
    TreeSet<String> written = new TreeSet<>();
    while (added.find()) {
      written.add(added.group(1));
    }
    assertFalse(written.isEmpty(), "no header found in " + DEAD_LETTERS);
    TreeSet<String> documented = new TreeSet<>();
    asyncapi()
        .at("/components/schemas/DeadLetterHeaders/properties")
        .fieldNames()
        .forEachRemaining(documented::add);
    assertEquals(written, documented);
  }

  @Test
  void theAdmissionCodesTheDocumentNamesAreTheOnesTheServiceDeadLettersWith() throws IOException {
    Matcher refused =
        Pattern.compile("new Refuse\\(\\s*\"([A-Z_]+)\"").matcher(Files.readString(ADMISSION));
    TreeSet<String> codes = new TreeSet<>();
    while (refused.find()) {
      codes.add(refused.group(1));
    }
    assertFalse(codes.isEmpty(), "no refusal code found in " + ADMISSION);
    Matcher named =
        Pattern.compile("\\b[A-Z]+(?:_[A-Z]+)+\\b")
            .matcher(asyncapi().at("/operations/receiveRequests/description").asText());
    TreeSet<String> documented = new TreeSet<>();
    while (named.find()) {
      documented.add(named.group());
    }
    assertEquals(codes, documented);
  }

  @Test
  void everyStatusEventTypeAndRequestTypeIsAMessageOfItsChannel() {
    JsonNode channels = asyncapi().path("channels");
    assertEquals(
        ExamplesTest.enumOf(schema(ContractSchemas.STATUS_EVENT).at("/properties/type/enum")),
        messageNames(channels.at("/statusEvents/messages")));
    assertEquals(
        ExamplesTest.enumOf(definitions().at("/$defs/requestType/enum")),
        messageNames(channels.at("/requests/messages")));
  }

  @Test
  void everyReferenceOfEveryDocumentResolves() {
    List<String> broken = new ArrayList<>();
    for (String name : ContractDocuments.all()) {
      JsonNode document = name.endsWith(".yaml") ? asyncapi() : schema(name);
      references(document, new ArrayList<>())
          .forEach(
              ref -> {
                if (resolve(name, document, ref) == null) {
                  broken.add(name + ": " + ref);
                }
              });
    }
    assertEquals(List.of(), broken);
  }

  private static JsonNode resolve(String from, JsonNode document, String ref) {
    String[] parts = ref.split("#", 2);
    JsonNode target = parts[0].isEmpty() ? document : null;
    if (!parts[0].isEmpty()) {
      if (!ContractDocuments.SCHEMAS.contains(parts[0])) {
        return null;
      }
      target = schema(parts[0]);
    }
    JsonNode found = parts.length < 2 || parts[1].isEmpty() ? target : target.at(parts[1]);
    return found.isMissingNode() ? null : found;
  }

  private static List<String> references(JsonNode node, List<String> found) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
          found.add(field.getValue().asText());
        } else {
          references(field.getValue(), found);
        }
      }
    } else if (node.isArray()) {
      node.forEach(item -> references(item, found));
    }
    return found;
  }

  private TreeSet<String> messageNames(JsonNode channelMessages) {
    TreeSet<String> names = new TreeSet<>();
    channelMessages.forEach(
        m -> names.add(asyncapi().at(m.path("$ref").asText().substring(1)).path("name").asText()));
    return names;
  }

  /** A pattern's alternatives in sorted order, so the test does not depend on their order. */
  private static String sorted(String pattern) {
    Matcher alternatives = Pattern.compile("^\\^\\((.*)\\): $").matcher(pattern);
    if (!alternatives.matches()) {
      return pattern;
    }
    return "^("
        + String.join("|", new TreeSet<>(List.of(alternatives.group(1).split("\\|"))))
        + "): ";
  }

  private static TreeSet<String> names(Enum<?>[] values) {
    TreeSet<String> names = new TreeSet<>();
    for (Enum<?> value : values) {
      names.add(value.name());
    }
    return names;
  }

  private static JsonNode definitions() {
    return schema("definitions.schema.json");
  }

  private static JsonNode schema(String name) {
    return ContractSchemas.schemaFile(name);
  }

  private static JsonNode asyncapi() {
    try {
      return new YAMLMapper().readTree(ContractSchemas.FOLDER.resolve("asyncapi.yaml").toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
