package org.msp.onboarding.simulator;

import static org.msp.onboarding.simulator.SimRouter.API;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Organization checklists made from checklist templates (NinjaOne's ClientChecklistPublicApiDTO):
 * create from templates, list by organization, delete.
 */
final class SimChecklistRoutes {

  /** One organization checklist, and the template it was made from. */
  record SimChecklist(long id, long organizationId, long templateId, String name) {}

  private final SimStore store;
  private final Map<Long, SimChecklist> checklists = new LinkedHashMap<>();
  private long lastId = 7000;

  SimChecklistRoutes(SimStore store) {
    this.store = store;
  }

  void register(SimRouter router) {
    router
        .add("POST", API + "/v2/organization/(\\d+)/checklists-from-templates", this::fromTemplates)
        .add(
            "GET",
            API + "/v2/organization/checklists",
            this::list,
            "checklistIds",
            "organizationIds",
            "checklistName",
            "assignedToUserId",
            "completed",
            "required",
            "includeArchived")
        .add("POST", API + "/v2/organization/checklists/delete", this::delete);
  }

  synchronized List<SimChecklist> of(long organizationId) {
    return checklists.values().stream().filter(c -> c.organizationId() == organizationId).toList();
  }

  synchronized void clear() {
    checklists.clear();
  }

  private synchronized SimResponse fromTemplates(SimRequest request, List<String> params) {
    long orgId = SimRouter.id(params.get(0));
    store.requireOrganization(orgId);
    List<SimChecklist> made = new ArrayList<>();
    for (long templateId : ids(request.json())) {
      SimChecklist checklist =
          new SimChecklist(++lastId, orgId, templateId, "Checklist from template " + templateId);
      checklists.put(checklist.id(), checklist);
      made.add(checklist);
    }
    return SimResponse.json(200, made.stream().map(SimChecklistRoutes::dto).toList());
  }

  private synchronized SimResponse list(SimRequest request, List<String> params) {
    String organizations = request.param("organizationIds");
    Set<Long> wanted =
        organizations == null || organizations.isBlank()
            ? null
            : Arrays.stream(organizations.split(","))
                .map(String::trim)
                .map(SimRouter::id)
                .collect(Collectors.toSet());
    return SimResponse.json(
        200,
        checklists.values().stream()
            .filter(c -> wanted == null || wanted.contains(c.organizationId()))
            .map(SimChecklistRoutes::dto)
            .toList());
  }

  private synchronized SimResponse delete(SimRequest request, List<String> params) {
    ids(request.json()).forEach(checklists::remove);
    return SimResponse.empty(204);
  }

  /** A JSON array of integers, as the published document describes these bodies. */
  private static List<Long> ids(JsonNode body) {
    if (body == null || !body.isArray()) {
      throw SimError.badRequest("body must be a JSON array of integer ids");
    }
    List<Long> ids = new ArrayList<>();
    for (JsonNode id : body) {
      if (!id.isIntegralNumber() || id.asLong() <= 0) {
        throw SimError.badRequest("body must be a JSON array of integer ids, had " + id);
      }
      ids.add(id.asLong());
    }
    return ids;
  }

  private static Map<String, Object> dto(SimChecklist checklist) {
    Map<String, Object> dto = new LinkedHashMap<>();
    dto.put("id", checklist.id());
    dto.put("name", checklist.name());
    dto.put("organizationId", checklist.organizationId());
    dto.put("required", false);
    dto.put("completed", false);
    dto.put("archived", false);
    return dto;
  }
}
