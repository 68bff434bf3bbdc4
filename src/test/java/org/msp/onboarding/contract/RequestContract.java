package org.msp.onboarding.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the published contract says of a request record's value: JSON text (RFC 8259) in UTF-8,
 * valid against request.schema.json. The refusals it cannot express are the AsyncAPI document's
 * rules beyond the schema.
 */
final class RequestContract {
  /** A plain JSON reader: one value, nothing after it; no leniency of the service's own. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** A rule of x-rules-beyond-the-schema: its words, and a phrase of the reason it causes. */
  record Rule(String rule, String reason) {}

  private RequestContract() {}

  /** Why the contract refuses this value; empty when it accepts it. */
  static Optional<String> refusal(byte[] value) {
    if (value == null) {
      return Optional.of("no value (a tombstone) is no JSON document");
    }
    JsonNode json;
    try {
      json = JSON.readTree(utf8(value));
    } catch (CharacterCodingException e) {
      return Optional.of("not UTF-8");
    } catch (IOException e) {
      return Optional.of("not one JSON value: " + e.getMessage());
    }
    if (json == null || json.isMissingNode()) {
      return Optional.of("no JSON value");
    }
    List<String> errors = ContractSchemas.errors(ContractSchemas.REQUEST, json);
    return errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors));
  }

  /** The JSON value, when the bytes hold one. */
  static Optional<JsonNode> json(byte[] value) {
    try {
      return Optional.ofNullable(JSON.readTree(utf8(value)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The rules the AsyncAPI document lists beyond the schema, read from the published file. */
  static List<Rule> rulesBeyondTheSchema() {
    try {
      JsonNode rules =
          new YAMLMapper()
              .readTree(ContractSchemas.FOLDER.resolve("asyncapi.yaml").toFile())
              .path("x-rules-beyond-the-schema")
              .path("rules");
      List<Rule> list = new ArrayList<>();
      rules.forEach(r -> list.add(new Rule(r.path("rule").asText(), r.path("reason").asText())));
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String utf8(byte[] value) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(value))
        .toString();
  }
}
