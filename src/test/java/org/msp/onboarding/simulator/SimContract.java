package org.msp.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * NinjaOne's published request shapes ("NinjaOne Public API 2.0", 2.0.9-draft): the properties each
 * body schema has. A property the document does not describe is refused with a 400 naming it, so
 * that a request shape a real tenant would ignore or refuse can never pass a test.
 */
final class SimContract {

  static final Set<String> ORGANIZATION_MODEL =
      Set.of("name", "description", "userData", "nodeApprovalMode", "tags", "fields");
  static final Set<String> ORGANIZATION_WITH_LOCATIONS_AND_POLICIES =
      Set.of(
          "name",
          "description",
          "userData",
          "nodeApprovalMode",
          "tags",
          "fields",
          "locations",
          "policies");
  static final Set<String> LOCATION_MODEL =
      Set.of("name", "address", "description", "userData", "tags", "fields");
  static final Set<String> NODE_ROLE_POLICY_ASSIGNMENT = Set.of("nodeRoleId", "policyId");

  /** usageLimit is read-only in the document: a request that sets it is refused too. */
  static final Set<String> GENERATE_INSTALLER_REQUEST =
      Set.of("organizationId", "locationId", "installerType", "content");

  static final Set<String> INSTALLER_CONTENT = Set.of("nodeRoleId");

  static final Set<String> DEVICE_ID_LIST = Set.of("devices");

  private SimContract() {}

  /** Refuses the first property of {@code body} that {@code schema} does not have. */
  static void properties(JsonNode body, Set<String> allowed, String schema) {
    SimBody.object(body, schema);
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw violation("property '" + name + "' is not part of " + schema);
      }
    }
  }

  /** Each element of an array body must have only the properties of {@code schema}. */
  static void items(JsonNode array, Set<String> allowed, String schema) {
    if (array == null || array.isNull()) {
      return;
    }
    for (JsonNode item : SimBody.array(array, schema + "[]")) {
      properties(item, allowed, schema);
    }
  }

  static void query(SimRequest request, Set<String> allowed, String endpoint) {
    for (String name : SimRequest.decodeForm(request.rawQuery()).keySet()) {
      if (!allowed.contains(name)) {
        throw violation("query parameter '" + name + "' is not described for " + endpoint);
      }
    }
  }

  static SimError violation(String what) {
    return SimError.contractViolation("not in NinjaOne's published API: " + what);
  }
}
