package org.msp.onboarding.simulator;

import static org.msp.onboarding.simulator.SimRouter.API;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /v2/organization/{id}/devices (paged by device id, a bare array of
 * NodeWithDetailedReferences) and POST /v2/devices/approval/{mode} (body DeviceIDList).
 */
final class SimDeviceRoutes {

  private final SimDevices devices;

  SimDeviceRoutes(SimDevices devices) {
    this.devices = devices;
  }

  void register(SimRouter router) {
    router
        .add("GET", API + "/v2/organization/(\\d+)/devices", this::list, "pageSize", "after")
        .add("POST", API + "/v2/devices/approval/([^/]+)", this::decide);
  }

  private SimResponse list(SimRequest request, List<String> params) {
    int pageSize = intParam(request, "pageSize", SimOrganizationRoutes.MAX_PAGE_SIZE);
    if (pageSize < 1) {
      throw SimError.badRequest("pageSize must be at least 1");
    }
    int size = Math.min(pageSize, SimOrganizationRoutes.MAX_PAGE_SIZE);
    List<SimDevice> page =
        devices.page(SimRouter.id(params.get(0)), intParam(request, "after", 0), size);
    return SimResponse.json(200, page.stream().map(SimDeviceRoutes::json).toList());
  }

  /** As published: no response body is described, so it answers 204. */
  private SimResponse decide(SimRequest request, List<String> params) {
    String mode = params.get(0);
    if (!mode.equals("APPROVE") && !mode.equals("REJECT")) {
      throw SimError.badRequest("mode must be APPROVE or REJECT");
    }
    JsonNode body = request.json();
    SimContract.properties(body, SimContract.DEVICE_ID_LIST, "DeviceIDList");
    List<Long> ids = new ArrayList<>();
    for (JsonNode id : SimBody.array(body.get("devices"), "devices")) {
      if (!id.isIntegralNumber() || !id.canConvertToInt()) {
        throw SimError.badRequest("devices must be an array of device ids");
      }
      ids.add(id.longValue());
    }
    devices.decide(mode.equals("APPROVE"), ids);
    return SimResponse.empty(204);
  }

  /** NodeWithDetailedReferences, with the properties the simulator models. */
  static Map<String, Object> json(SimDevice device) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", device.id());
    json.put("organizationId", device.organizationId());
    json.put("locationId", device.locationId());
    json.put("nodeClass", device.nodeClass());
    json.put("nodeRoleId", device.nodeRoleId());
    json.put("approvalStatus", device.approvalStatus());
    json.put("offline", false);
    json.put("displayName", device.displayName());
    json.put("systemName", device.displayName());
    json.put("created", device.created());
    json.put("lastContact", device.created());
    return json;
  }

  /** Path and query ids are int32 in the published document. */
  private static int intParam(SimRequest request, String name, int fallback) {
    String value = request.param(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw SimError.badRequest(name + " must be an integer");
    }
  }
}
