package org.msp.onboarding.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.msp.onboarding.saga.request.AgentDeploymentRequest;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.LocationRequest;
import org.msp.onboarding.saga.request.PolicyRequest;
import org.msp.onboarding.saga.request.RequestType;

/** Turns a record's bytes into a valid request, or says exactly what is wrong with it. */
@ApplicationScoped
public class RequestParser {
  static final int MAX_BYTES = 512 * 1024;
  static final int MAX_DEPTH = 20;

  /**
   * Optional record headers; when a publisher sets them they must describe what this consumer
   * reads.
   */
  static final String EVENT_VERSION_HEADER = "eventVersion";

  static final String CONTENT_TYPE_HEADER = "content-type";
  private static final int MAX_SHOWN_HEADER_CHARS = 60;

  private final ObjectMapper mapper;
  private final Validator validator;

  public RequestParser(ObjectMapper quarkusMapper, Validator validator) {
    this.validator = validator;
    this.mapper = strict(quarkusMapper.copy());
  }

  /**
   * Strict where leniency would hide a publisher's bug: duplicate keys, "1" for a number, 1 for a
   * string.
   */
  private static ObjectMapper strict(ObjectMapper mapper) {
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    // "" is not a missing id
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    // Jackson otherwise turns `"name": true` into the organization "true".
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }

  /**
   * The record as the consumer gets it: headers that say what the value is are checked before the
   * value.
   */
  public ClientRequest parse(String key, byte[] value, Iterable<Header> headers) {
    checkHeaders(headers);
    return parse(key, value);
  }

  public ClientRequest parse(String key, byte[] value) {
    if (value == null) {
      throw new InvalidRequestException(
          "empty record (tombstone): an onboarding request needs a JSON body");
    }
    if (value.length > MAX_BYTES) {
      throw new InvalidRequestException(
          "record of " + value.length + " bytes is over the limit of " + MAX_BYTES + " bytes");
    }
    ClientRequest request = readJson(utf8(value));
    validate(request);
    if (key == null || !key.equals(request.clientId())) {
      throw new InvalidRequestException(
          "record key must be the clientId ('"
              + request.clientId()
              + "'), was "
              + (key == null ? "null" : "'" + key + "'"));
    }
    return request;
  }

  private static String utf8(byte[] value) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidRequestException("record is not valid UTF-8 text");
    }
  }

  private ClientRequest readJson(String text) {
    if (text.isBlank()) {
      throw new InvalidRequestException(
          "record body is blank: an onboarding request needs a JSON object");
    }
    try {
      ClientRequest request = mapper.readValue(text, ClientRequest.class);
      if (request == null) {
        throw new InvalidRequestException(
            "record body is JSON null: an onboarding request needs a JSON object");
      }
      return request;
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(
          "not a valid onboarding request (JSON): " + e.getOriginalMessage() + pathOf(e));
    }
  }

  private static String pathOf(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
        && !mapping.getPath().isEmpty()) {
      return " at " + mapping.getPathReference().replace("org.msp.onboarding.saga.request.", "");
    }
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private void validate(ClientRequest request) {
    RequestType type =
        RequestType.find(request.type())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "unknown type '"
                            + request.type()
                            + "': a request has no type (an onboarding) or one of "
                            + Arrays.stream(RequestType.values())
                                .map(RequestType::wireName)
                                .collect(Collectors.joining(", "))));
    if (type.describesOrganization() && request.organization() == null) {
      throw new InvalidRequestException(
          "invalid " + describe(type) + ": organization must not be null");
    }
    if (type != RequestType.ONBOARDING
        && request.organization() != null
        && request.organization().adopts()) {
      throw new InvalidRequestException(
          "invalid "
              + describe(type)
              + ": organization.ninjaOneOrganizationId is for onboarding requests only (an"
              + " update or offboarding acts on the organization the client already has)");
    }
    Set<ConstraintViolation<ClientRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(
          "invalid "
              + describe(type)
              + ": "
              + violations.stream()
                  .map(v -> v.getPropertyPath() + " " + v.getMessage())
                  .sorted(Comparator.naturalOrder())
                  .collect(Collectors.joining("; ")));
    }
    checkStorableText(mapper.valueToTree(request), "", describe(type));
    if (type.describesOrganization()) {
      checkUniqueLocations(request);
      checkUniqueRoles(request);
      checkUniqueDeployments(request);
      checkDeploymentLocations(request);
    }
  }

  /** How refusals name the request: "onboarding request" as before, the type for the others. */
  private static String describe(RequestType type) {
    return switch (type) {
      case ONBOARDING -> "onboarding request";
      case UPDATE -> "update request (ClientUpdated)";
      case OFFBOARDING -> "offboarding request (ClientOffboarded)";
    };
  }

  /**
   * Walks the request as it will be stored. PostgreSQL's jsonb refuses U+0000, and the intake would
   * retry that insert forever, holding the partition; an unpaired surrogate is not a character and
   * would be stored as '?'.
   */
  private static void checkStorableText(JsonNode node, String path, String what) {
    if (node.isTextual()) {
      String problem = unstorable(node.textValue());
      if (problem != null) {
        throw new InvalidRequestException("invalid " + what + ": " + path + " " + problem);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkStorableText(node.get(i), path + "[" + i + "]", what);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String problem = unstorable(field.getKey());
        if (problem != null) {
          throw new InvalidRequestException(
              "invalid "
                  + what
                  + ": "
                  + (path.isEmpty() ? "the event" : path)
                  + " has a key that "
                  + problem);
        }
        checkStorableText(
            field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), what);
      }
    }
  }

  private static String unstorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return "must not contain the NUL character (\\u0000)";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a valid pair: one character outside the Basic Multilingual Plane
      } else if (Character.isSurrogate(c)) {
        return String.format(
            "must not contain an unpaired UTF-16 surrogate (\\u%04x), which is not a character",
            (int) c);
      }
    }
    return null;
  }

  /**
   * Headers are optional; a publisher that sets them must mean this consumer's format: eventVersion
   * 1 and a JSON content type. A version-2 or plain-text record would otherwise fail later with a
   * confusing JSON error.
   */
  static void checkHeaders(Iterable<Header> headers) {
    if (headers == null) {
      return;
    }
    for (Header header : headers) {
      if (header.key().equalsIgnoreCase(EVENT_VERSION_HEADER)) {
        String version = headerText(header);
        if (version == null || !version.trim().equals("1")) {
          throw new InvalidRequestException(
              "header "
                  + header.key()
                  + " is "
                  + describe(header, version)
                  + "; this consumer reads event version 1"
                  + " only (send the header as the UTF-8 text \"1\", or leave it out)");
        }
      } else if (header.key().equalsIgnoreCase(CONTENT_TYPE_HEADER)) {
        String type = headerText(header);
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
          throw new InvalidRequestException(
              "header "
                  + header.key()
                  + " is "
                  + describe(header, type)
                  + "; an onboarding request is JSON"
                  + " (send application/json as UTF-8 text, or leave the header out)");
        }
      }
    }
  }

  /**
   * The header's value as text, or null when it is absent, not UTF-8, or holds control characters
   * (binary).
   */
  private static String headerText(Header header) {
    if (header.value() == null) {
      return null;
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(header.value()))
              .toString();
      return text.chars().anyMatch(Character::isISOControl) ? null : text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String describe(Header header, String text) {
    if (header.value() == null) {
      return "present without a value";
    }
    if (text == null) {
      return "not text (" + header.value().length + " binary bytes)";
    }
    return "'"
        + (text.length() > MAX_SHOWN_HEADER_CHARS
            ? text.substring(0, MAX_SHOWN_HEADER_CHARS) + "..."
            : text)
        + "'";
  }

  private static void checkUniqueLocations(ClientRequest request) {
    Set<String> seen = new HashSet<>();
    for (LocationRequest location : request.organization().locationsOrEmpty()) {
      if (!seen.add(location.name().toLowerCase(Locale.ROOT))) {
        throw new InvalidRequestException(
            "invalid "
                + describe(request.requestType())
                + ": organization.locations has the name '"
                + location.name()
                + "' twice; location names must be unique within the organization");
      }
    }
  }

  private static void checkUniqueRoles(ClientRequest request) {
    Set<Long> seen = new HashSet<>();
    for (PolicyRequest policy : request.organization().policiesOrEmpty()) {
      if (!seen.add(policy.nodeRoleId())) {
        throw new InvalidRequestException(
            "invalid "
                + describe(request.requestType())
                + ": organization.policies maps nodeRoleId "
                + policy.nodeRoleId()
                + " twice");
      }
    }
  }

  /**
   * One task per location and installer type: the saga records them under that key (location case
   * ignored).
   */
  private static void checkUniqueDeployments(ClientRequest request) {
    if (request.agentDeployments() == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (AgentDeploymentRequest deployment : request.agentDeployments()) {
      if (!seen.add(
          deployment.location().toLowerCase(Locale.ROOT) + "|" + deployment.installerType())) {
        throw new InvalidRequestException(
            "invalid "
                + describe(request.requestType())
                + ": agentDeployments names location '"
                + deployment.location()
                + "' with installerType "
                + deployment.installerType()
                + " twice; each (location, installerType) may appear once");
      }
    }
  }

  private static void checkDeploymentLocations(ClientRequest request) {
    Set<String> names =
        request.organization().locationsOrEmpty().stream()
            .map(LocationRequest::name)
            .collect(Collectors.toSet());
    if (request.agentDeployments() == null) {
      return;
    }
    for (AgentDeploymentRequest deployment : request.agentDeployments()) {
      if (!names.contains(deployment.location())) {
        throw new InvalidRequestException(
            "invalid "
                + describe(request.requestType())
                + ": agentDeployments names location '"
                + deployment.location()
                + "', which is not in organization.locations");
      }
    }
  }
}
