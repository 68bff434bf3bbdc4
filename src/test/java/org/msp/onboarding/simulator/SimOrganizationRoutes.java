package org.msp.onboarding.simulator;

import static org.msp.onboarding.simulator.SimRouter.API;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET/POST /v2/organizations, GET /v2/organizations-detailed and GET/PATCH /v2/organization/{id}.
 */
final class SimOrganizationRoutes {

  static final int MAX_PAGE_SIZE = 1000;

  private final SimStore store;

  SimOrganizationRoutes(SimStore store) {
    this.store = store;
  }

  void register(SimRouter router) {
    router
        .add(
            "GET",
            API + "/v2/organizations",
            (request, params) -> list(request, false),
            "pageSize",
            "after",
            "of")
        .add(
            "GET",
            API + "/v2/organizations-detailed",
            (request, params) -> list(request, true),
            "pageSize",
            "after",
            "of")
        .add("POST", API + "/v2/organizations", this::create, "templateOrganizationId")
        .add("GET", API + "/v2/organization/(\\d+)", this::get)
        .add("PATCH", API + "/v2/organization/(\\d+)", this::patch);
  }

  /**
   * /v2 answers a bare array (the published API); /api/v2 wraps it in the product note's envelope.
   * The detailed listing carries each organization's locations and policy mapping (NinjaOne's
   * OrganizationDetailed).
   */
  private SimResponse list(SimRequest request, boolean detailed) {
    int pageSize = (int) Math.min(longParam(request, "pageSize", MAX_PAGE_SIZE), MAX_PAGE_SIZE);
    if (pageSize < 1) {
      throw SimError.badRequest("pageSize must be at least 1");
    }
    SimStore.Page page = store.page(longParam(request, "after", 0), pageSize);
    List<Map<String, Object>> items = SimJson.organizations(page.items(), detailed);
    if (!request.path().startsWith("/api/")) {
      return SimResponse.json(200, items);
    }
    Map<String, Object> pageInfo = new LinkedHashMap<>();
    pageInfo.put("hasNextPage", page.hasNextPage());
    List<SimOrgSnapshot> shown = page.items();
    pageInfo.put(
        "endCursor",
        shown.isEmpty() ? null : String.valueOf(shown.get(shown.size() - 1).organization().id()));
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("organizations", items);
    envelope.put("pageInfo", pageInfo);
    return SimResponse.json(200, envelope);
  }

  private SimResponse create(SimRequest request, List<String> params) {
    JsonNode body = request.json();
    SimContract.properties(
        body,
        SimContract.ORGANIZATION_WITH_LOCATIONS_AND_POLICIES,
        "OrganizationWithLocationsAndPolicyAssignmentsModel");
    SimContract.items(body.get("locations"), SimContract.LOCATION_MODEL, "LocationModel");
    SimContract.items(
        body.get("policies"), SimContract.NODE_ROLE_POLICY_ASSIGNMENT, "NodeRolePolicyAssignment");
    SimOrganization draft =
        new SimOrganization(
            0,
            SimBody.requiredText(body, "name"),
            SimBody.text(body, "description"),
            SimBody.map(body, "userData"),
            SimBody.approvalMode(body, "AUTOMATIC"),
            SimBody.strings(body, "tags"));
    Map<String, Object> fields = SimBody.withoutNulls(SimBody.map(body, "fields"));
    List<SimLocation> locations =
        present(body, "locations") ? SimBody.locations(body.get("locations")) : List.of();
    List<SimPolicyMapping> policies =
        present(body, "policies") ? SimBody.policies(body.get("policies")) : List.of();
    String template = request.param("templateOrganizationId");
    if (template != null) {
      // the template's settings are copied: its policy mapping and custom fields, where the body
      // gives none of its own
      SimOrgSnapshot model = store.snapshot(SimRouter.id(template));
      if (policies.isEmpty()) {
        policies = model.policies();
      }
      Map<String, Object> merged = new LinkedHashMap<>(model.fields());
      merged.putAll(fields);
      fields = merged;
    }
    SimOrgSnapshot created = store.create(draft, fields, locations, policies, true);
    return SimResponse.json(200, SimJson.organizationDetailed(created));
  }

  private SimResponse get(SimRequest request, List<String> params) {
    return SimResponse.json(
        200, SimJson.organizationDetailed(store.snapshot(SimRouter.id(params.get(0)))));
  }

  /** Partial update: only the fields present in the body change. */
  private SimResponse patch(SimRequest request, List<String> params) {
    JsonNode body = request.json();
    SimContract.properties(body, SimContract.ORGANIZATION_MODEL, "OrganizationModel");
    SimOrgSnapshot changed =
        store.update(
            SimRouter.id(params.get(0)),
            current ->
                new SimOrganization(
                    current.id(),
                    body.has("name") ? SimBody.requiredText(body, "name") : current.name(),
                    body.has("description")
                        ? SimBody.text(body, "description")
                        : current.description(),
                    body.has("userData") ? SimBody.map(body, "userData") : current.userData(),
                    SimBody.approvalMode(body, current.nodeApprovalMode()),
                    body.has("tags") ? SimBody.strings(body, "tags") : current.tags()));
    return SimResponse.json(200, SimJson.organizationDetailed(changed));
  }

  private static boolean present(JsonNode body, String field) {
    return body.has(field) && !body.get(field).isNull();
  }

  private static long longParam(SimRequest request, String name, long fallback) {
    String value = request.param(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw SimError.badRequest(name + " must be an integer");
    }
  }
}
