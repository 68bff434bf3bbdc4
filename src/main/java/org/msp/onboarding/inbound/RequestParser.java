package org.msp.onboarding.inbound;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.msp.onboarding.saga.request.AgentDeploymentRequest;
import org.msp.onboarding.saga.request.LocationRequest;
import org.msp.onboarding.saga.request.OnboardingRequest;
import org.msp.onboarding.saga.request.PolicyRequest;

/** Turns a record's bytes into a valid request, or says exactly what is wrong with it. */
@ApplicationScoped
public class RequestParser {
  static final int MAX_BYTES = 512 * 1024;
  static final int MAX_DEPTH = 20;

  private final ObjectMapper mapper;
  private final Validator validator;

  public RequestParser(ObjectMapper quarkusMapper, Validator validator) {
    this.validator = validator;
    this.mapper = strict(quarkusMapper.copy());
  }

  /** Strict where leniency would hide a publisher's bug: duplicate keys, "1" for a number, 1 for a string. */
  private static ObjectMapper strict(ObjectMapper mapper) {
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }

  public OnboardingRequest parse(String key, byte[] value) {
    if (value == null) {
      throw new InvalidRequestException("empty record (tombstone): an onboarding request needs a JSON body");
    }
    if (value.length > MAX_BYTES) {
      throw new InvalidRequestException(
          "record of " + value.length + " bytes is over the limit of " + MAX_BYTES + " bytes");
    }
    OnboardingRequest request = readJson(utf8(value));
    validate(request);
    if (key == null || !key.equals(request.clientId())) {
      throw new InvalidRequestException(
          "record key must be the clientId ('" + request.clientId() + "'), was " + (key == null ? "null" : "'" + key + "'"));
    }
    return request;
  }

  private static String utf8(byte[] value) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidRequestException("record is not valid UTF-8 text");
    }
  }

  private OnboardingRequest readJson(String text) {
    if (text.isBlank()) {
      throw new InvalidRequestException("record body is blank: an onboarding request needs a JSON object");
    }
    try {
      OnboardingRequest request = mapper.readValue(text, OnboardingRequest.class);
      if (request == null) {
        throw new InvalidRequestException("record body is JSON null: an onboarding request needs a JSON object");
      }
      return request;
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("not a valid onboarding request (JSON): " + e.getOriginalMessage()
          + pathOf(e));
    }
  }

  private static String pathOf(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return " at " + mapping.getPathReference().replace("org.msp.onboarding.saga.request.", "");
    }
    return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private void validate(OnboardingRequest request) {
    Set<ConstraintViolation<OnboardingRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(
          "invalid onboarding request: "
              + violations.stream()
                  .map(v -> v.getPropertyPath() + " " + v.getMessage())
                  .sorted(Comparator.naturalOrder())
                  .collect(Collectors.joining("; ")));
    }
    checkUniqueLocations(request);
    checkUniqueRoles(request);
    checkDeploymentLocations(request);
  }

  private static void checkUniqueLocations(OnboardingRequest request) {
    Set<String> seen = new HashSet<>();
    for (LocationRequest location : request.organization().locationsOrEmpty()) {
      if (!seen.add(location.name().toLowerCase(Locale.ROOT))) {
        throw new InvalidRequestException(
            "invalid onboarding request: organization.locations has the name '" + location.name()
                + "' twice; location names must be unique within the organization");
      }
    }
  }

  private static void checkUniqueRoles(OnboardingRequest request) {
    Set<Long> seen = new HashSet<>();
    for (PolicyRequest policy : request.organization().policiesOrEmpty()) {
      if (!seen.add(policy.nodeRoleId())) {
        throw new InvalidRequestException(
            "invalid onboarding request: organization.policies maps nodeRoleId " + policy.nodeRoleId() + " twice");
      }
    }
  }

  private static void checkDeploymentLocations(OnboardingRequest request) {
    Set<String> names =
        request.organization().locationsOrEmpty().stream().map(LocationRequest::name).collect(Collectors.toSet());
    if (request.agentDeployments() == null) {
      return;
    }
    for (AgentDeploymentRequest deployment : request.agentDeployments()) {
      if (!names.contains(deployment.location())) {
        throw new InvalidRequestException(
            "invalid onboarding request: agentDeployments names location '" + deployment.location()
                + "', which is not in organization.locations");
      }
    }
  }
}
