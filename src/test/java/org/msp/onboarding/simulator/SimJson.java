package org.msp.onboarding.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the simulator's state as NinjaOne's JSON; maps are built by hand so field names match the
 * API exactly.
 */
final class SimJson {

  /**
   * Shared: ObjectMapper is thread-safe once configured, and creating one per request would be
   * slow.
   */
  static final ObjectMapper MAPPER = new ObjectMapper();

  private SimJson() {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The organization as listed by GET /v2/organizations. */
  static Map<String, Object> organization(SimOrgSnapshot snapshot) {
    SimOrganization org = snapshot.organization();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", org.id());
    json.put("name", org.name());
    json.put("description", org.description());
    json.put("userData", org.userData());
    json.put("nodeApprovalMode", org.nodeApprovalMode());
    json.put("tags", org.tags());
    json.put("fields", snapshot.fields());
    return json;
  }

  /**
   * The organization with its locations and policies, as the single-organization endpoints answer
   * it.
   */
  static Map<String, Object> organizationDetailed(SimOrgSnapshot snapshot) {
    Map<String, Object> json = organization(snapshot);
    json.put("locations", locations(snapshot.locations()));
    json.put("policies", policies(snapshot.policies()));
    return json;
  }

  static List<Map<String, Object>> organizations(List<SimOrgSnapshot> snapshots, boolean detailed) {
    List<Map<String, Object>> list = new ArrayList<>(snapshots.size());
    for (SimOrgSnapshot snapshot : snapshots) {
      list.add(detailed ? organizationDetailed(snapshot) : organization(snapshot));
    }
    return list;
  }

  static Map<String, Object> location(SimLocation location) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", location.id());
    json.put("name", location.name());
    json.put("address", location.address());
    json.put("description", location.description());
    json.put("userData", location.userData());
    return json;
  }

  static List<Map<String, Object>> locations(List<SimLocation> locations) {
    return locations.stream().map(SimJson::location).toList();
  }

  static List<Map<String, Object>> policies(List<SimPolicyMapping> policies) {
    return policies.stream()
        .map(p -> Map.<String, Object>of("nodeRoleId", p.nodeRoleId(), "policyId", p.policyId()))
        .toList();
  }

  static Map<String, Object> call(SimCall call) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("at", call.at().toString());
    json.put("method", call.method());
    json.put("path", call.path());
    json.put("query", call.query());
    json.put("status", call.status());
    json.put("fault", call.fault());
    return json;
  }

  /**
   * The auth layer's error body, which differs from the application's {"resultCode",
   * "errorMessage"}.
   */
  static Map<String, Object> authError(String error, String description, int code) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("error", error);
    json.put("error_description", description);
    json.put("error_code", code);
    return json;
  }
}
