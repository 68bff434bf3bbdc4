package org.msp.onboarding.simulator;

import static org.msp.onboarding.simulator.SimRouter.API;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What hangs off an organization: locations, policy mapping, custom fields and agent installers.
 */
final class SimOrganizationDetailRoutes {

  /** The installer types of NinjaOne's published document. */
  static final Set<String> INSTALLER_TYPES =
      Set.of(
          "WINDOWS_MSI",
          "MAC_DMG",
          "MAC_PKG",
          "LINUX_DEB",
          "LINUX_RPM",
          "LINUX_ARM64_DEB",
          "LINUX_ARMV7A_DEB",
          "LINUX_ARM64_RPM",
          "LINUX_ARMV7A_RPM");

  private static final String ORG = API + "/v2/organization/(\\d+)";

  private final SimStore store;

  SimOrganizationDetailRoutes(SimStore store) {
    this.store = store;
  }

  void register(SimRouter router) {
    router
        .add("GET", ORG + "/locations", this::listLocations)
        .add("POST", ORG + "/locations", this::addLocation)
        .add("PATCH", ORG + "/locations/(\\d+)", this::patchLocation)
        .add("GET", ORG + "/policies", this::getPolicies)
        .add("PUT", ORG + "/policies", this::putPolicies)
        .add("GET", ORG + "/custom-fields", this::getFields)
        .add("PATCH", ORG + "/custom-fields", this::patchFields)
        .add("GET", ORG + "/location/(\\d+)/installer/([^/]+)", this::installer)
        .add("POST", API + "/v2/organization/generate-installer", this::generateInstaller);
  }

  private SimResponse listLocations(SimRequest request, List<String> params) {
    return SimResponse.json(200, SimJson.locations(store.snapshot(orgId(params)).locations()));
  }

  private SimResponse addLocation(SimRequest request, List<String> params) {
    long orgId = orgId(params);
    store.requireOrganization(
        orgId); // an unknown organization is a 404 even when the body is also wrong
    SimContract.properties(request.json(), SimContract.LOCATION_MODEL, "LocationModel");
    return SimResponse.json(
        200, SimJson.location(store.addLocation(orgId, SimBody.location(request.json()))));
  }

  private SimResponse patchLocation(SimRequest request, List<String> params) {
    JsonNode body = request.json();
    SimContract.properties(body, SimContract.LOCATION_MODEL, "LocationModel");
    SimLocation changed =
        store.updateLocation(
            orgId(params),
            SimRouter.id(params.get(1)),
            current ->
                new SimLocation(
                    current.id(),
                    body.has("name") ? SimBody.requiredText(body, "name") : current.name(),
                    body.has("address") ? SimBody.text(body, "address") : current.address(),
                    body.has("description")
                        ? SimBody.text(body, "description")
                        : current.description(),
                    body.has("userData") ? SimBody.map(body, "userData") : current.userData()));
    return SimResponse.json(200, SimJson.location(changed));
  }

  private SimResponse getPolicies(SimRequest request, List<String> params) {
    return SimResponse.json(200, SimJson.policies(store.snapshot(orgId(params)).policies()));
  }

  /**
   * PUT replaces the whole mapping and, as published, answers the ids of the devices it affected: a
   * JSON array (always empty here: the simulator keeps no devices), sent as text/plain since the
   * document pins no media type, so that a client reading it strictly fails here as it would
   * against a real tenant.
   */
  private SimResponse putPolicies(SimRequest request, List<String> params) {
    long orgId = orgId(params);
    store.requireOrganization(orgId);
    JsonNode body = request.json();
    SimContract.items(body, SimContract.NODE_ROLE_POLICY_ASSIGNMENT, "NodeRolePolicyAssignment");
    store.replacePolicies(orgId, SimBody.policies(body));
    return SimResponse.text(200, "[]");
  }

  private SimResponse getFields(SimRequest request, List<String> params) {
    return SimResponse.json(200, store.snapshot(orgId(params)).fields());
  }

  private SimResponse patchFields(SimRequest request, List<String> params) {
    long orgId = orgId(params);
    store.requireOrganization(orgId);
    return SimResponse.json(200, store.mergeFields(orgId, SimBody.toMap(request.json(), "body")));
  }

  private SimResponse installer(SimRequest request, List<String> params) {
    return installerUrl(orgId(params), SimRouter.id(params.get(1)), params.get(2));
  }

  private SimResponse generateInstaller(SimRequest request, List<String> params) {
    JsonNode body = request.json();
    SimContract.properties(
        body, SimContract.GENERATE_INSTALLER_REQUEST, "GenerateInstallerRequestDto");
    nodeRole(body.get("content")); // validated only: the fake installer does not depend on it
    return installerUrl(
        SimBody.requiredNumber(body, "organizationId"),
        SimBody.requiredNumber(body, "locationId"),
        SimBody.requiredText(body, "installerType"));
  }

  /** InstallerContent.nodeRoleId is a string: a role id, "auto" or empty (meaning "auto"). */
  private static void nodeRole(JsonNode content) {
    if (content == null || content.isNull()) {
      return;
    }
    SimContract.properties(content, SimContract.INSTALLER_CONTENT, "InstallerContent");
    JsonNode value = content.get("nodeRoleId");
    if (value != null && !value.isNull() && !value.isTextual()) {
      throw SimContract.violation(
          "InstallerContent.nodeRoleId is a string, not " + value.getNodeType());
    }
    String role = SimBody.text(content, "nodeRoleId");
    if (role != null && !role.isEmpty() && !role.equals("auto") && !role.matches("\\d{1,18}")) {
      throw SimError.badRequest("content.nodeRoleId must be a node role id, 'auto' or empty");
    }
  }

  /** The organization and location must exist (404) and the type must be known (400). */
  private SimResponse installerUrl(long orgId, long locationId, String type) {
    store.location(orgId, locationId);
    if (!INSTALLER_TYPES.contains(type)) {
      throw SimError.badRequest("unknown installerType " + type);
    }
    String url =
        "https://sim.ninjarmm.invalid/agent/installer/"
            + orgId
            + "/"
            + locationId
            + "/"
            + type
            + "/"
            + UUID.randomUUID().toString().replace("-", "");
    return SimResponse.json(200, Map.of("url", url));
  }

  private static long orgId(List<String> params) {
    return SimRouter.id(params.get(0));
  }
}
