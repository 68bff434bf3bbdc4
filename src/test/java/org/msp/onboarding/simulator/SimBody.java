package org.msp.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates request bodies; every violation is a 400 with a message naming the field. */
final class SimBody {

  static final Set<String> APPROVAL_MODES = Set.of("AUTOMATIC", "MANUAL", "REJECT");

  private SimBody() {}

  static JsonNode object(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw SimError.badRequest(what + " must be a JSON object");
    }
    return node;
  }

  /** A text field; absent or null gives null. */
  static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw SimError.badRequest(field + " must be a string");
    }
    return value.textValue();
  }

  static String requiredText(JsonNode body, String field) {
    String value = text(body, field);
    if (value == null || value.isBlank()) {
      throw SimError.badRequest(field + " is required");
    }
    return value;
  }

  static String approvalMode(JsonNode body, String fallback) {
    String mode = text(body, "nodeApprovalMode");
    if (mode == null) {
      return fallback;
    }
    if (!APPROVAL_MODES.contains(mode)) {
      throw SimError.badRequest("nodeApprovalMode must be one of AUTOMATIC, MANUAL, REJECT");
    }
    return mode;
  }

  /**
   * An object field as a map; absent or null gives null. Null values inside are kept (they mean
   * "remove").
   */
  static Map<String, Object> map(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : toMap(value, field);
  }

  static Map<String, Object> toMap(JsonNode value, String what) {
    object(value, what);
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      JsonNode v = entry.getValue();
      map.put(entry.getKey(), v.isNull() ? null : SimJson.MAPPER.convertValue(v, Object.class));
    }
    return map;
  }

  static List<String> strings(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    List<String> list = new ArrayList<>();
    for (JsonNode item : array(value, field)) {
      if (!item.isTextual()) {
        throw SimError.badRequest(field + " must be an array of strings");
      }
      list.add(item.textValue());
    }
    return list;
  }

  static JsonNode array(JsonNode value, String what) {
    if (value == null || !value.isArray()) {
      throw SimError.badRequest(what + " must be a JSON array");
    }
    return value;
  }

  static Long number(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw SimError.badRequest(field + " must be an integer");
    }
    return value.longValue();
  }

  static long requiredNumber(JsonNode body, String field) {
    Long value = number(body, field);
    if (value == null) {
      throw SimError.badRequest(field + " is required");
    }
    return value;
  }

  /** A location body {name, address, description, userData}; the id is assigned by the store. */
  static SimLocation location(JsonNode body) {
    object(body, "location");
    return new SimLocation(
        0,
        requiredText(body, "name"),
        text(body, "address"),
        text(body, "description"),
        map(body, "userData"));
  }

  static List<SimLocation> locations(JsonNode value) {
    List<SimLocation> list = new ArrayList<>();
    for (JsonNode item : array(value, "locations")) {
      list.add(location(item));
    }
    return list;
  }

  static List<SimPolicyMapping> policies(JsonNode value) {
    List<SimPolicyMapping> list = new ArrayList<>();
    for (JsonNode item : array(value, "policies")) {
      object(item, "policy mapping");
      list.add(
          new SimPolicyMapping(
              requiredNumber(item, "nodeRoleId"), requiredNumber(item, "policyId")));
    }
    return list;
  }

  /** Drops null values: on create a null field means "not set", there is nothing to remove yet. */
  static Map<String, Object> withoutNulls(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    if (map != null) {
      map.forEach(
          (k, v) -> {
            if (v != null) {
              copy.put(k, v);
            }
          });
    }
    return copy;
  }
}
