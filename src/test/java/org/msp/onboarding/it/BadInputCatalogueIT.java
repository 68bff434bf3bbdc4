package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.msp.onboarding.messaging.Topics;

/**
 * The bad-input catalogue: every kind of broken record a CRM/PSA (or a person with a console
 * producer) can put on the requests topic. Each kind must reach the DLQ with its bytes intact and a
 * reason naming the field or rule, create no saga, and leave the partition moving; the last test
 * proves that on every partition.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCatalogueIT extends StackTest {
  /**
   * Set on every bad record; the DLQ copies the original headers, so a case finds its dead letter
   * even keyless.
   */
  private static final String CASE_HEADER = "it-bad-input-case";

  /**
   * The service's consumer group (application.properties): its committed offsets show whether it
   * kept moving.
   */
  private static final String SERVICE_GROUP = "ninjaone-onboarding";

  private static final String PLACEHOLDER = "@@RAW@@";

  /** The broker's default message.max.bytes, which the test broker keeps. */
  private static final int BROKER_MAX_MESSAGE_BYTES = 1024 * 1024 + 12;

  /** A reason is for a person: a sentence, not an echo of a megabyte of payload. */
  private static final int MAX_REASON_LENGTH = 1000;

  private static DeadLetterTail deadLetters;
  private static KafkaProducer<String, byte[]> gzipProducer;

  /**
   * One kind of bad input: the record to publish, the words its reason must contain, the client to
   * find no saga for.
   */
  record BadRecord(
      String key,
      byte[] value,
      List<RecordHeader> headers,
      String reasonContains,
      String clientId,
      boolean compressed) {
    BadRecord withHeader(String name, byte[] headerValue) {
      List<RecordHeader> more = new ArrayList<>(headers);
      more.add(new RecordHeader(name, headerValue));
      return new BadRecord(key, value, more, reasonContains, clientId, compressed);
    }

    BadRecord withKey(String otherKey) {
      return new BadRecord(otherKey, value, headers, reasonContains, clientId, compressed);
    }

    BadRecord gzipped() {
      return new BadRecord(key, value, headers, reasonContains, clientId, true);
    }
  }

  @BeforeAll
  static void startTailingTheDeadLetterTopic() {
    TestStack stack = TestStack.get();
    // Tailing from the current end (not re-reading the topic per case) keeps 70 lookups within
    // seconds.
    deadLetters = new DeadLetterTail(stack.kafka.bootstrapServers());
    gzipProducer = new KafkaProducer<>(gzipProducerConfig(stack.kafka.bootstrapServers()));
  }

  @AfterAll
  static void closeClients() {
    if (deadLetters != null) {
      deadLetters.close();
    }
    if (gzipProducer != null) {
      gzipProducer.close(Duration.ofSeconds(5));
    }
  }

  static Stream<Arguments> catalogue() {
    return Stream.of(
        // Not JSON, or JSON of the wrong shape.
        kind("not JSON at all", raw("not-json", "this is not JSON {", "JSON")),
        kind("empty value (zero bytes)", raw("empty", "", "blank")),
        kind("only whitespace", raw("whitespace", " \n\t  ", "blank")),
        kind("the JSON literal null", raw("json-null", "null", "JSON null")),
        kind("JSON array instead of an object", wrapped("array", "[", "]", "Array value")),
        kind(
            "JSON string instead of an object",
            raw("string", "\"please onboard Acme\"", "String value")),
        kind("JSON number instead of an object", raw("number", "42", "Number value")),
        kind("two JSON objects in one record", doubled("two-objects", "Trailing token")),
        kind("truncated JSON", truncated("truncated", "end-of-input")),
        kind(
            "single-quoted pseudo-JSON",
            raw("single-quotes", "{'eventId': 'e-1', 'clientId': 'c-1'}", "Unexpected character")),
        kind("JSON with a comment", wrapped("comment", "/* from the PSA */ ", "", "comment")),
        kind(
            "organization is a string, not an object",
            mutated(
                "org-string",
                e -> e.put("organization", "Acme Dental Group"),
                "[\"organization\"]")),
        kind(
            "locations is an object, not a list",
            mutated(
                "locations-object",
                e -> org(e).putObject("locations").put("name", "Headquarters"),
                "[\"locations\"]")),
        kind(
            "agentDeployments is one object, not a list",
            mutated(
                "deployments-object",
                e ->
                    e.putObject("agentDeployments")
                        .put("location", "Headquarters")
                        .put("installerType", "WINDOWS_MSI"),
                "[\"agentDeployments\"]")),

        // Wrong types: strict, so a publisher's serialisation bug is caught rather than guessed at.
        kind(
            "number sent as text (nodeRoleId \"1\")",
            mutated(
                "number-as-text", e -> policy(e, 0).put("nodeRoleId", "1"), "[\"nodeRoleId\"]")),
        kind(
            "fraction where a whole number belongs (policyId 100.5)",
            mutated("fraction", e -> policy(e, 0).put("policyId", 100.5), "[\"policyId\"]")),
        kind(
            "an offboarding of a client never onboarded",
            mutated(
                "offboard-unknown",
                e -> e.put("type", "ClientOffboarded"),
                "NOT_ONBOARDED: client")),
        kind(
            "an update of a client never onboarded",
            mutated(
                "update-unknown", e -> e.put("type", "ClientUpdated"), "NOT_ONBOARDED: client")),
        kind(
            "an update without the organization's desired state",
            mutated(
                "update-no-org",
                e -> {
                  e.put("type", "ClientUpdated");
                  e.remove("organization");
                },
                "invalid update request (ClientUpdated): organization must not be null")),
        kind(
            "an organization to adopt in a request that is not an onboarding",
            mutated(
                "adopt-in-update",
                e -> {
                  e.put("type", "ClientUpdated");
                  ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("organization"))
                      .put("ninjaOneOrganizationId", 7);
                },
                "is for onboarding requests only")),
        kind(
            "an unknown request type",
            mutated("type-unknown", e -> e.put("type", "ClientRenamed"), "unknown type")),
        kind(
            "number where text belongs (clientId 42)",
            mutated("clientid-number", e -> e.put("clientId", 42), "[\"clientId\"]")),
        kind(
            "boolean where text belongs (organization.name true)",
            mutated("name-boolean", e -> org(e).put("name", true), "[\"name\"]")),
        kind(
            "boolean where a number belongs (nodeRoleId true)",
            mutated("role-boolean", e -> policy(e, 0).put("nodeRoleId", true), "[\"nodeRoleId\"]")),
        kind(
            "object where text belongs (organization.name)",
            mutated("name-object", e -> org(e).putObject("name").put("en", "Acme"), "[\"name\"]")),
        kind(
            "list where text belongs (eventId)",
            mutated(
                "eventid-list",
                e -> e.putArray("eventId").add(UUID.randomUUID().toString()),
                "[\"eventId\"]")),
        kind(
            "text where a list belongs (tags \"premium\")",
            mutated("tags-text", e -> org(e).put("tags", "premium"), "[\"tags\"]")),
        kind(
            "unparseable timestamp (occurredAt)",
            mutated(
                "occurred-at", e -> e.put("occurredAt", "yesterday at noon"), "[\"occurredAt\"]")),

        // Missing and blank required fields.
        kind(
            "missing eventId",
            mutated("no-eventid", e -> e.remove("eventId"), "eventId must not be blank")),
        kind(
            "eventId is JSON null",
            mutated("null-eventid", e -> e.putNull("eventId"), "eventId must not be blank")),
        kind(
            "missing clientId",
            mutated("no-clientid", e -> e.remove("clientId"), "clientId must not be blank")),
        kind(
            "missing organization",
            mutated("no-org", e -> e.remove("organization"), "organization must not be null")),
        kind(
            "missing organization.name",
            mutated(
                "no-org-name", e -> org(e).remove("name"), "organization.name must not be blank")),
        kind(
            "blank organization.name",
            mutated(
                "blank-org-name",
                e -> org(e).put("name", "   "),
                "organization.name must not be blank")),
        kind(
            "blank location name",
            mutated(
                "blank-location",
                e -> location(e, 1).put("name", ""),
                "organization.locations[1].name must not be blank")),
        kind(
            "null entry in locations",
            mutated(
                "null-location",
                e -> ((ArrayNode) org(e).get("locations")).addNull(),
                "organization.locations[2]")),
        kind(
            "policy without policyId",
            mutated(
                "no-policy-id",
                e -> policy(e, 1).remove("policyId"),
                "organization.policies[1].policyId must not be null")),
        kind(
            "agent deployment without installerType",
            mutated(
                "no-installer",
                e -> ((ObjectNode) e.get("agentDeployments").get(0)).remove("installerType"),
                "agentDeployments[0].installerType must not be blank")),

        // Unknown enum values.
        kind(
            "unknown nodeApprovalMode",
            mutated(
                "mode-unknown",
                e -> org(e).put("nodeApprovalMode", "SOMETIMES"),
                "nodeApprovalMode must be one of AUTOMATIC, MANUAL, REJECT")),
        kind(
            "nodeApprovalMode in lower case",
            mutated(
                "mode-lower",
                e -> org(e).put("nodeApprovalMode", "automatic"),
                "nodeApprovalMode must be one of AUTOMATIC, MANUAL, REJECT")),
        kind(
            "unknown installerType",
            mutated(
                "installer-unknown",
                e ->
                    ((ObjectNode) e.get("agentDeployments").get(0))
                        .put("installerType", "WINDOWS_EXE"),
                "agentDeployments[0].installerType must be a NinjaOne installer type")),

        // Negative, zero and huge ids.
        kind(
            "negative policyId",
            mutated(
                "negative-id",
                e -> policy(e, 0).put("policyId", -5),
                "organization.policies[0].policyId must be greater than 0")),
        kind(
            "zero nodeRoleId",
            mutated(
                "zero-id",
                e -> policy(e, 0).put("nodeRoleId", 0),
                "organization.policies[0].nodeRoleId must be greater than 0")),
        kind(
            "id above NinjaOne's 32-bit ids (2147483648)",
            mutated(
                "id-over-int",
                e -> policy(e, 0).put("policyId", 2_147_483_648L),
                "policyId must be less than or equal to 2147483647")),
        kind(
            "id beyond a 64-bit long",
            spliced(
                "id-over-long",
                e -> policy(e, 0).put("policyId", PLACEHOLDER),
                "99999999999999999999",
                "out of range")),
        kind(
            "number of 2,000 digits",
            spliced(
                "id-2000-digits",
                e -> policy(e, 0).put("policyId", PLACEHOLDER),
                "9".repeat(2000),
                "Number value length")),

        // Duplicates.
        kind(
            "duplicate location names",
            mutated(
                "dup-locations",
                e -> location(e, 1).put("name", "Headquarters"),
                "'Headquarters' twice")),
        kind(
            "location names that differ only in case",
            mutated(
                "dup-locations-case",
                e -> location(e, 1).put("name", "HEADQUARTERS"),
                "'HEADQUARTERS' twice")),
        kind(
            "two policies for one node role",
            mutated("dup-role", e -> policy(e, 1).put("nodeRoleId", 1), "maps nodeRoleId 1 twice")),
        kind(
            "one location and installer type deployed twice",
            mutated(
                "dup-deployment",
                e ->
                    ((ObjectNode) e.get("agentDeployments").get(1)).put("location", "headquarters"),
                "agentDeployments names location 'headquarters' with installerType WINDOWS_MSI twice")),
        kind("duplicate JSON key", duplicateKey("dup-key", "Duplicate field 'source'")),
        kind(
            "agent deployment for a location the event does not have",
            mutated(
                "deploy-elsewhere",
                e -> ((ObjectNode) e.get("agentDeployments").get(1)).put("location", "Warehouse"),
                "names location 'Warehouse', which is not in organization.locations")),

        // Over NinjaOne's (and the contract's) limits.
        kind(
            "organization name of 129 characters",
            mutated(
                "long-org-name",
                e -> org(e).put("name", "N".repeat(129)),
                "organization.name size must be between 0 and 128")),
        kind(
            "location name of 129 characters",
            mutated(
                "long-location",
                e -> location(e, 0).put("name", "L".repeat(129)),
                "organization.locations[0].name size must be between 0 and 128")),
        kind(
            "clientId of 201 characters",
            mutated(
                "long-clientid",
                e -> e.put("clientId", "C".repeat(201)),
                "clientId size must be between 0 and 200")),
        kind(
            "51 policy mappings",
            mutated(
                "51-policies",
                e -> policies(e, 51),
                "organization.policies size must be between 0 and 50")),
        kind(
            "51 tags",
            mutated(
                "51-tags", e -> tags(e, 51), "organization.tags size must be between 0 and 50")),
        kind(
            "101 custom fields",
            mutated(
                "101-fields",
                e -> fields(e, 101),
                "organization.fields size must be between 0 and 100")),
        kind(
            "10,000 locations",
            mutated(
                "10k-locations",
                e -> locations(e, 10_000),
                "organization.locations size must be between 0 and 200")),
        kind(
            "record over the service's 512 KiB limit",
            mutated(
                "600k",
                e -> e.put("padding", "x".repeat(600_000)),
                "over the limit of 524288 bytes")),
        kind(
            "record just under the broker's 1 MB limit (with dead-letter headers it is over)",
            nearTheBrokerLimit("1mb-edge", "over the limit of 524288 bytes")),
        kind(
            "record over 1 MB (published gzip-compressed, as the broker then accepts it)",
            mutated(
                    "1200k",
                    e -> e.put("padding", "x".repeat(1_200_000)),
                    "over the limit of 524288 bytes")
                .gzipped()),

        // Control characters and broken text.
        kind(
            "control character (BEL) in organization.name",
            mutated(
                "bel-name",
                e -> org(e).put("name", "Acme\u0007Dental"),
                "organization.name must not contain control characters")),
        kind(
            "newline in a location name",
            mutated(
                "newline-location",
                e -> location(e, 0).put("name", "Head\nquarters"),
                "organization.locations[0].name must not contain control characters")),
        kind(
            "tab in clientId",
            mutated(
                "tab-clientid",
                e -> e.put("clientId", "crm\t42"),
                "clientId must not contain control characters")),
        kind(
            "NUL character in organization.description",
            mutated(
                "nul-description",
                e -> org(e).put("description", "Managed\u0000client"),
                "organization.description")),
        kind(
            "NUL character in a custom field name",
            mutated(
                "nul-field-name",
                e -> ((ObjectNode) org(e).get("fields")).put("contract\u0000Type", "x"),
                "organization.fields")),
        kind(
            "unescaped control byte inside a JSON string",
            spliced(
                "raw-ctrl",
                e -> location(e, 0).put("address", PLACEHOLDER),
                "\"1 Main\u0001St\"",
                "CTRL-CHAR")),
        kind(
            "unpaired UTF-16 surrogate escape in organization.name",
            spliced(
                "lone-surrogate",
                e -> org(e).put("name", PLACEHOLDER),
                "\"Acme \\ud800 Dental\"",
                "organization.name")),
        kind(
            "invalid UTF-8 bytes",
            invalidUtf8("bad-utf8", new byte[] {(byte) 0xC3, (byte) 0x28}, "not valid UTF-8")),
        kind(
            "overlong UTF-8 encoding of '/'",
            invalidUtf8("overlong-utf8", new byte[] {(byte) 0xC0, (byte) 0xAF}, "not valid UTF-8")),
        kind("UTF-16 instead of UTF-8", utf16("utf16", "not valid UTF-8")),

        // Deep nesting.
        kind(
            "custom field nested 25 levels deep",
            mutated(
                "deep-field", e -> nest((ObjectNode) org(e).get("fields"), 25), "nesting depth")),
        kind(
            "100,000 nested arrays in an unknown field",
            spliced(
                "deep-arrays",
                e -> e.put("extra", PLACEHOLDER),
                "[".repeat(100_000) + "]".repeat(100_000),
                "nesting depth")),

        // Kafka-level: key and value.
        kind("null key", nullKey("null-key", "record key must be the clientId")),
        kind(
            "key that is not the clientId",
            mutated("key-mismatch", e -> {}, "record key must be the clientId")
                .withKey("bad-key-mismatch-other-" + UUID.randomUUID())),
        kind("tombstone (null value)", tombstone("tombstone", "tombstone")),

        // Headers of the wrong type.
        kind(
            "eventVersion header 2",
            mutated("version-2", e -> {}, "eventVersion")
                .withHeader("eventVersion", "2".getBytes(StandardCharsets.UTF_8))),
        kind(
            "eventVersion header as a 4-byte integer",
            mutated("version-int", e -> {}, "eventVersion")
                .withHeader("eventVersion", ByteBuffer.allocate(4).putInt(1).array())),
        kind(
            "content-type header text/plain",
            mutated("content-type", e -> {}, "content-type")
                .withHeader(
                    "content-type", "text/plain; charset=utf-8".getBytes(StandardCharsets.UTF_8))));
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void badRecordIsDeadLetteredIntactWithAnActionableReasonAndCreatesNoSaga(BadRecord bad) {
    String caseId = UUID.randomUUID().toString();
    publish(bad, caseId);

    ConsumerRecord<String, byte[]> dead = deadLetters.await(caseId, Duration.ofSeconds(20));
    assertNotNull(
        dead, "no dead letter within 20 s for case " + caseId + " (key " + bad.key() + ")");
    String reason = TopicReader.header(dead, "dead-letter-reason");
    assertNotNull(reason, "dead letter without a dead-letter-reason header");
    assertTrue(
        reason.contains(bad.reasonContains()),
        "reason should name '" + bad.reasonContains() + "': " + reason);
    assertTrue(
        reason.length() <= MAX_REASON_LENGTH,
        "reason of " + reason.length() + " characters: " + reason);
    assertEquals(bad.key(), dead.key(), "the dead letter keeps the original key");
    if (bad.value() == null) {
      assertNull(dead.value(), "a tombstone stays a tombstone");
    } else {
      assertArrayEquals(
          bad.value(), dead.value(), "the original bytes are kept for a replay after a fix");
    }
    assertEquals(List.of(), api.sagasOf(bad.clientId()), "no saga for " + bad.clientId());
  }

  @Order(2)
  @Test
  void afterTheWholeCatalogueEveryPartitionStillCompletesAValidRequestAndTheServiceIsHealthy() {
    int partitions = deadLetters.partitionsOf(Topics.REQUESTS);
    List<Events.Event> probes = new ArrayList<>();
    // One valid request per partition: a bad record that blocked any partition would hold its probe
    // back.
    for (int partition = 0; partition < partitions; partition++) {
      Events.Event probe;
      do {
        probe = Events.newClient("after-bad-p" + partition);
      } while (partitionOf(probe.clientId(), partitions) != partition);
      probes.add(probe);
      stack.publish(probe);
    }
    probes.forEach(p -> api.awaitStatus(p.clientId(), "COMPLETED"));

    // Every record, bad ones included, is committed: nothing waits behind a record the consumer
    // cannot pass.
    await("the service's consumer group has no lag")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> lagOfTheService(stack.kafka.bootstrapServers()) == 0);

    stack.request().get("/q/health/ready").then().statusCode(200);
    stack.request().get("/q/health/live").then().statusCode(200);
    assertTrue(stack.service.isAlive(), "the service process is still running");
  }

  private void publish(BadRecord bad, String caseId) {
    List<RecordHeader> headers = new ArrayList<>(bad.headers());
    headers.add(new RecordHeader(CASE_HEADER, caseId.getBytes(StandardCharsets.UTF_8)));
    if (!bad.compressed()) {
      stack.publish(bad.key(), bad.value(), headers.toArray(RecordHeader[]::new));
      return;
    }
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topics.REQUESTS, bad.key(), bad.value());
    headers.forEach(h -> record.headers().add(h));
    try {
      gzipProducer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not publish the compressed record", e);
    }
  }

  // ---- building the bad records ----

  private static Arguments kind(String name, BadRecord bad) {
    return Arguments.of(Named.of(name, bad));
  }

  private static String keyFor(String kind) {
    return "bad-" + kind + "-" + UUID.randomUUID();
  }

  /** A valid event whose clientId is the key, so only the broken rule can explain a dead letter. */
  private static ObjectNode validEvent(String key) {
    ObjectNode json = Events.newClient("bad").json();
    json.put("clientId", key);
    return json;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static BadRecord record(String key, byte[] value, String reason) {
    return new BadRecord(key, value, List.of(), reason, key, false);
  }

  private static BadRecord raw(String kind, String text, String reason) {
    return record(keyFor(kind), utf8(text), reason);
  }

  private static BadRecord mutated(String kind, Consumer<ObjectNode> mutation, String reason) {
    String key = keyFor(kind);
    ObjectNode json = validEvent(key);
    mutation.accept(json);
    return record(key, utf8(json.toString()), reason);
  }

  /**
   * For JSON no serialiser writes (raw escapes, bare control bytes, huge numbers): a placeholder is
   * replaced.
   */
  private static BadRecord spliced(
      String kind, Consumer<ObjectNode> placeholder, String rawJson, String reason) {
    String key = keyFor(kind);
    ObjectNode json = validEvent(key);
    placeholder.accept(json);
    return record(key, utf8(json.toString().replace("\"" + PLACEHOLDER + "\"", rawJson)), reason);
  }

  private static BadRecord wrapped(String kind, String before, String after, String reason) {
    String key = keyFor(kind);
    return record(key, utf8(before + validEvent(key) + after), reason);
  }

  private static BadRecord doubled(String kind, String reason) {
    String key = keyFor(kind);
    return record(key, utf8(validEvent(key).toString() + validEvent(key)), reason);
  }

  private static BadRecord truncated(String kind, String reason) {
    String key = keyFor(kind);
    String json = validEvent(key).toString();
    return record(key, utf8(json.substring(0, json.length() / 2)), reason);
  }

  private static BadRecord duplicateKey(String kind, String reason) {
    String key = keyFor(kind);
    String json = validEvent(key).toString();
    return record(key, utf8("{\"source\":\"autotask-psa\"," + json.substring(1)), reason);
  }

  /** A valid event with raw bytes spliced into organization.name. */
  /**
   * As large as the broker takes uncompressed (message.max.bytes, 1 MiB + 12 by default), less a
   * margin: its copy in the DLQ, with the reason and origin headers added, is larger than the 1 MiB
   * a default producer sends.
   */
  private static BadRecord nearTheBrokerLimit(String kind, String reason) {
    String key = keyFor(kind);
    ObjectNode json = validEvent(key);
    json.put("padding", "");
    Header[] headersAtPublish = {new RecordHeader(CASE_HEADER, new byte[36])};
    int size =
        AbstractRecords.estimateSizeInBytesUpperBound(
            RecordBatch.CURRENT_MAGIC_VALUE,
            CompressionType.NONE,
            utf8(key),
            utf8(json.toString()),
            headersAtPublish);
    json.put("padding", "x".repeat(BROKER_MAX_MESSAGE_BYTES - 64 - size));
    return record(key, utf8(json.toString()), reason);
  }

  private static BadRecord invalidUtf8(String kind, byte[] badBytes, String reason) {
    String key = keyFor(kind);
    ObjectNode json = validEvent(key);
    org(json).put("name", PLACEHOLDER);
    String[] parts = json.toString().split(PLACEHOLDER, 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(utf8(parts[0] + "Acme "));
    bytes.writeBytes(badBytes);
    bytes.writeBytes(utf8(" Dental" + parts[1]));
    return record(key, bytes.toByteArray(), reason);
  }

  private static BadRecord utf16(String kind, String reason) {
    String key = keyFor(kind);
    byte[] text =
        validEvent(key)
            .toString()
            .getBytes(StandardCharsets.UTF_16); // big-endian with a byte-order mark
    return record(key, text, reason);
  }

  private static BadRecord nullKey(String kind, String reason) {
    String clientId = keyFor(kind);
    return new BadRecord(
        null, utf8(validEvent(clientId).toString()), List.of(), reason, clientId, false);
  }

  private static BadRecord tombstone(String kind, String reason) {
    String key = keyFor(kind);
    return new BadRecord(key, null, List.of(), reason, key, false);
  }

  private static ObjectNode org(ObjectNode event) {
    return (ObjectNode) event.get("organization");
  }

  private static ObjectNode location(ObjectNode event, int index) {
    return (ObjectNode) org(event).get("locations").get(index);
  }

  private static ObjectNode policy(ObjectNode event, int index) {
    return (ObjectNode) org(event).get("policies").get(index);
  }

  private static void policies(ObjectNode event, int count) {
    ArrayNode policies = org(event).putArray("policies");
    for (int i = 1; i <= count; i++) {
      policies.addObject().put("nodeRoleId", i).put("policyId", 100 + i);
    }
  }

  private static void tags(ObjectNode event, int count) {
    ArrayNode tags = org(event).putArray("tags");
    for (int i = 1; i <= count; i++) {
      tags.add("tag-" + i);
    }
  }

  private static void fields(ObjectNode event, int count) {
    ObjectNode fields = org(event).putObject("fields");
    for (int i = 1; i <= count; i++) {
      fields.put("field" + i, "value " + i);
    }
  }

  private static void locations(ObjectNode event, int count) {
    ArrayNode locations = org(event).putArray("locations");
    for (int i = 1; i <= count; i++) {
      locations.addObject().put("name", "Site " + i);
    }
    event.remove("agentDeployments");
  }

  private static void nest(ObjectNode fields, int depth) {
    ObjectNode current = fields.putObject("nested");
    for (int i = 1; i < depth; i++) {
      current = current.putObject("level" + i);
    }
  }

  // ---- Kafka helpers ----

  /** Kafka's default partitioner for a keyed record: murmur2 of the serialised key. */
  private static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  private static long lagOfTheService(String bootstrap) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(SERVICE_GROUP).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < deadLetters.partitionsOf(Topics.REQUESTS); p++) {
        latest.put(new TopicPartition(Topics.REQUESTS, p), OffsetSpec.latest());
      }
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get();
      long lag = 0;
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end :
          ends.entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        lag += end.getValue().offset() - (done == null ? 0 : done.offset());
      }
      return lag;
    }
  }

  private static Properties gzipProducerConfig(String bootstrap) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // The broker's 1 MB limit applies to the compressed batch, so a compressing publisher can send
    // a larger record.
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    return config;
  }

  /**
   * Reads the DLQ from where it ended when the class started, remembering each dead letter by its
   * case header.
   */
  private static final class DeadLetterTail implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, ConsumerRecord<String, byte[]>> byCase = new HashMap<>();

    DeadLetterTail(String bootstrap) {
      Properties config = new Properties();
      config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      config.put(
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      consumer = new KafkaConsumer<>(config);
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.REQUESTS_DLQ).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .collect(Collectors.toList());
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      // position() resolves the lazy seek now, before any case publishes.
      partitions.forEach(consumer::position);
    }

    ConsumerRecord<String, byte[]> await(String caseId, Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!byCase.containsKey(caseId) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          String id = TopicReader.header(record, CASE_HEADER);
          if (id != null) {
            byCase.put(id, record);
          }
        }
      }
      return byCase.get(caseId);
    }

    int partitionsOf(String topic) {
      return consumer.partitionsFor(topic).size();
    }

    @Override
    public void close() {
      consumer.close(Duration.ofSeconds(5));
    }
  }
}
