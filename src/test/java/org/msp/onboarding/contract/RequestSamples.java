package org.msp.onboarding.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Request values for the agreement test besides the bad-input catalogue: the examples, and edge
 * cases at each boundary the schemas draw (valid on one side, invalid on the other).
 */
final class RequestSamples {
  static final Path EXAMPLES = Path.of("examples");
  private static final ObjectMapper JSON = new ObjectMapper();

  record Sample(String name, byte[] value) {}

  /**
   * Where Jackson alone is lenient and the parser is not: dates (an epoch number, digits, no
   * seconds, an offset without a colon) and an empty string where a number may be null.
   */
  static List<Sample> jacksonLeniencies() {
    List<Sample> lenient = new ArrayList<>();
    edge(lenient, "occurredAt as an epoch number", e -> e.put("occurredAt", 1764320400));
    edge(lenient, "occurredAt as epoch digits", e -> e.put("occurredAt", "1764320400"));
    edge(lenient, "occurredAt empty", e -> e.put("occurredAt", ""));
    edge(lenient, "occurredAt without seconds", e -> e.put("occurredAt", "2026-11-28T09:00Z"));
    edge(
        lenient,
        "occurredAt with an offset without colon",
        e -> e.put("occurredAt", "2026-11-28T09:00:00+0100"));
    edge(lenient, "deployment nodeRoleId empty", e -> deployment(e, 0).put("nodeRoleId", ""));
    return lenient;
  }

  private RequestSamples() {}

  /** Every request example: the onboarding requests publishers copy, one per request type. */
  static List<Sample> examples() {
    return Stream.concat(jsonFiles(EXAMPLES), jsonFiles(EXAMPLES.resolve("requests")))
        .map(file -> new Sample("example " + EXAMPLES.relativize(file), bytes(file)))
        .toList();
  }

  static List<Sample> edges() {
    List<Sample> edges = new ArrayList<>();
    edge(
        edges,
        "unknown properties anywhere",
        e -> {
          e.put("crmRevision", 7);
          org(e).putObject("crmData").put("owner", "Dana");
          location(e, 0).put("floor", 2);
        });
    edge(
        edges,
        "optional properties null",
        e -> {
          e.putNull("source");
          e.putNull("occurredAt");
          e.putNull("agentDeployments");
          for (String field : List.of("description", "nodeApprovalMode", "tags", "fields")) {
            org(e).putNull(field);
          }
          location(e, 0).putNull("address");
        });
    edge(
        edges,
        "optional properties absent",
        e -> {
          e.remove(List.of("source", "occurredAt", "agentDeployments"));
          org(e).retain("name");
        });
    edge(edges, "type ClientOnboardingRequested", e -> e.put("type", "ClientOnboardingRequested"));
    edge(edges, "type null", e -> e.putNull("type"));
    edge(edges, "type a number", e -> e.put("type", 1));
    edge(edges, "deployment nodeRoleId null", e -> deployment(e, 0).putNull("nodeRoleId"));
    edge(edges, "organization.name of 128 characters", e -> org(e).put("name", "n".repeat(128)));
    edge(edges, "organization.name of 129 characters", e -> org(e).put("name", "n".repeat(129)));
    edge(edges, "eventId of 200 characters", e -> e.put("eventId", "e".repeat(200)));
    edge(edges, "eventId of 201 characters", e -> e.put("eventId", "e".repeat(201)));
    edge(edges, "source of 101 characters", e -> e.put("source", "s".repeat(101)));
    edge(edges, "description of 1001 characters", e -> org(e).put("description", "d".repeat(1001)));
    edge(edges, "address of 501 characters", e -> location(e, 0).put("address", "a".repeat(501)));
    edge(edges, "name of em spaces only (blank)", e -> org(e).put("name", "\u2003\u2003"));
    edge(edges, "name of no-break spaces only (not blank)", e -> org(e).put("name", "\u00a0"));
    edge(edges, "name with an emoji", e -> org(e).put("name", "Acme \uD83E\uDDB7 Dental"));
    edge(edges, "DEL character in clientId", e -> e.put("clientId", "CW\u007f10042"));
    edge(
        edges, "newline in an address (allowed)", e -> location(e, 0).put("address", "1 Main\nSt"));
    edge(
        edges,
        "NUL in a nested custom field value",
        e -> fields(e).putObject("contact").put("name", "Dana\u0000"));
    edge(
        edges,
        "custom field holding an object and a list",
        e -> {
          fields(e).putObject("contact").put("name", "Dana");
          fields(e).putArray("sites").add("HQ").add(2);
        });
    edge(edges, "blank custom field name", e -> fields(e).put(" ", "x"));
    edge(edges, "custom field name of 101 characters", e -> fields(e).put("f".repeat(101), "x"));
    edge(edges, "blank tag", e -> org(e).putArray("tags").add(" "));
    edge(edges, "null tag", e -> org(e).putArray("tags").addNull());
    edge(edges, "tag of 101 characters", e -> org(e).putArray("tags").add("t".repeat(101)));
    edge(
        edges,
        "occurredAt with an offset and a fraction",
        e -> e.put("occurredAt", "2026-11-28T10:00:00.123456789+01:00"));
    edge(edges, "occurredAt on 30 February", e -> e.put("occurredAt", "2026-02-30T10:00:00Z"));
    edge(edges, "policyId 2147483647", e -> policy(e, 0).put("policyId", 2147483647));
    edge(edges, "policyId 1.0", e -> policy(e, 0).put("policyId", 1.0));
    edge(edges, "nodeRoleId as an exponent (1e0)", e -> policy(e, 0).put("nodeRoleId", "@1e0@"));
    edge(
        edges,
        "installerType in lower case",
        e -> deployment(e, 0).put("installerType", "windows_msi"));
    edge(edges, "null agent deployment", e -> ((ArrayNode) e.get("agentDeployments")).addNull());
    edge(edges, "agentDeployments empty", e -> e.putArray("agentDeployments"));
    edge(edges, "blank deployment location", e -> deployment(e, 0).put("location", ""));
    edge(edges, "ClientUpdated with the full desired state", e -> e.put("type", "ClientUpdated"));
    edge(
        edges,
        "ClientUpdated without an organization",
        e -> {
          e.put("type", "ClientUpdated");
          e.remove("organization");
        });
    edge(
        edges,
        "ClientOffboarded without an eventId",
        e -> {
          e.retain("clientId");
          e.put("type", "ClientOffboarded");
        });
    edge(
        edges,
        "onboarding adopting an organization",
        e -> org(e).put("ninjaOneOrganizationId", 4711));
    edge(edges, "adopting an organization of id 0", e -> org(e).put("ninjaOneOrganizationId", 0));
    edge(
        edges,
        "adopting an organization of a 64-bit id",
        e -> org(e).put("ninjaOneOrganizationId", 2_147_483_648L));
    edge(
        edges,
        "ClientUpdated adopting an organization",
        e -> {
          e.put("type", "ClientUpdated");
          org(e).put("ninjaOneOrganizationId", 4711);
        });
    edge(
        edges,
        "ClientUpdated with ninjaOneOrganizationId null",
        e -> {
          e.put("type", "ClientUpdated");
          org(e).putNull("ninjaOneOrganizationId");
        });
    edge(
        edges,
        "ClientUpdated with duplicate location names",
        e -> {
          e.put("type", "ClientUpdated");
          location(e, 1).put("name", "headquarters");
        });
    edge(
        edges,
        "ClientOffboarded with just its ids",
        e -> {
          e.retain("eventId", "clientId");
          e.put("type", "ClientOffboarded");
        });
    edge(
        edges,
        "ClientOffboarded with the onboarding's organization",
        e -> {
          e.put("type", "ClientOffboarded");
          e.put("reason", "contract ended");
        });
    edge(
        edges,
        "ClientOffboarded with a blank organization name",
        e -> {
          e.put("type", "ClientOffboarded");
          org(e).put("name", " ");
        });
    edge(
        edges,
        "ClientOffboarded with a reason of 1001 characters",
        e -> {
          e.retain("eventId", "clientId");
          e.put("type", "ClientOffboarded");
          e.put("reason", "r".repeat(1001));
        });
    edge(
        edges,
        "ClientOffboarded with a NUL in its reason",
        e -> {
          e.retain("eventId", "clientId");
          e.put("type", "ClientOffboarded");
          e.put("reason", "ends\u0000now");
        });
    edge(
        edges,
        "onboarding with a reason of 1001 characters",
        e -> e.put("reason", "r".repeat(1001)));
    edge(edges, "type in another case (clientupdated)", e -> e.put("type", "clientupdated"));
    return edges;
  }

  /** A variant of examples/acme-dental.json; "@raw@" text is spliced in as raw JSON. */
  private static void edge(List<Sample> edges, String name, Consumer<ObjectNode> change) {
    ObjectNode event = (ObjectNode) read(bytes(EXAMPLES.resolve("acme-dental.json")));
    change.accept(event);
    String text = event.toString().replaceAll("\"@([^@\"]*)@\"", "$1");
    edges.add(new Sample("edge: " + name, text.getBytes(StandardCharsets.UTF_8)));
  }

  private static ObjectNode org(ObjectNode event) {
    return (ObjectNode) event.get("organization");
  }

  private static ObjectNode fields(ObjectNode event) {
    return (ObjectNode) org(event).get("fields");
  }

  private static ObjectNode location(ObjectNode event, int index) {
    return (ObjectNode) org(event).get("locations").get(index);
  }

  private static ObjectNode policy(ObjectNode event, int index) {
    return (ObjectNode) org(event).get("policies").get(index);
  }

  private static ObjectNode deployment(ObjectNode event, int index) {
    return (ObjectNode) event.get("agentDeployments").get(index);
  }

  static Stream<Path> jsonFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
