package org.msp.onboarding.ninjaone;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.msp.onboarding.ninjaone.dto.ChecklistBody;
import org.msp.onboarding.ninjaone.dto.DeviceBody;
import org.msp.onboarding.ninjaone.dto.DeviceIdListBody;
import org.msp.onboarding.ninjaone.dto.InstallerBody;
import org.msp.onboarding.ninjaone.dto.InstallerLink;
import org.msp.onboarding.ninjaone.dto.LocationBody;
import org.msp.onboarding.ninjaone.dto.NodeClassBody;
import org.msp.onboarding.ninjaone.dto.OrganizationBody;
import org.msp.onboarding.ninjaone.dto.OrganizationDetailBody;
import org.msp.onboarding.ninjaone.dto.OrganizationDetailedBody;
import org.msp.onboarding.ninjaone.dto.PolicyMappingBody;
import org.msp.onboarding.saga.NinjaOne;
import org.msp.onboarding.saga.request.PolicyRequest;

/**
 * The saga's NinjaOne port over the REST client: token handling, answer parsing and error
 * classification.
 */
@ApplicationScoped
public class NinjaOneClient implements NinjaOne {
  private static final TypeReference<List<OrganizationBody>> ORGANIZATIONS =
      new TypeReference<>() {};
  private static final TypeReference<List<LocationBody>> LOCATIONS = new TypeReference<>() {};
  private static final TypeReference<List<ChecklistBody>> CHECKLISTS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};
  private static final TypeReference<List<NodeClassBody>> NODE_CLASSES = new TypeReference<>() {};
  private static final TypeReference<List<OrganizationDetailedBody>> DETAILED =
      new TypeReference<>() {};
  private static final TypeReference<List<DeviceBody>> DEVICES = new TypeReference<>() {};
  private static final String LIST = "GET /v2/organizations";
  private static final String LIST_DETAILED = "GET /v2/organizations-detailed";

  private final NinjaOneApi api;
  private final NinjaOneTokens tokens;
  private final ObjectMapper json;
  private final int pageSize;
  private final NinjaOneCallMetrics metrics;
  private final RequestBudget budget;
  private final TenantCatalogCache catalog;

  @Inject
  public NinjaOneClient(
      @RestClient NinjaOneApi api,
      NinjaOneTokens tokens,
      ObjectMapper json,
      NinjaOneCallMetrics metrics,
      RequestBudget budget,
      TenantCatalogCache catalog,
      NinjaOneConfig config) {
    this(api, tokens, json, metrics, budget, catalog, config.organizationPageSize());
  }

  NinjaOneClient(
      NinjaOneApi api,
      NinjaOneTokens tokens,
      ObjectMapper json,
      NinjaOneCallMetrics metrics,
      RequestBudget budget,
      TenantCatalogCache catalog,
      int pageSize) {
    this.api = api;
    this.tokens = tokens;
    this.json = json;
    this.metrics = metrics;
    this.budget = budget;
    this.catalog = catalog;
    this.pageSize = pageSize;
  }

  @Override
  public long createOrganization(NewOrganization org) {
    OrganizationBody body =
        new OrganizationBody(
            null,
            org.name(),
            org.description(),
            org.userData(),
            org.nodeApprovalMode(),
            org.tags());
    return read(
            call(
                "POST /v2/organizations",
                () -> api.createOrganization(org.templateOrganizationId(), body)),
            OrganizationBody.class)
        .id();
  }

  @Override
  public List<Organization> organizationsNamed(String name) {
    List<Organization> named = new ArrayList<>();
    Long after = null;
    while (true) {
      List<OrganizationBody> page = organizationsAfter(after);
      for (OrganizationBody org : page) {
        if (name.equalsIgnoreCase(org.name())) {
          named.add(new Organization(org.id(), org.name(), org.userData(), org.tags()));
        }
      }
      if (page.size() < pageSize) {
        return named;
      }
      after = OrganizationPaging.nextCursor(LIST, after, page.get(page.size() - 1).id());
    }
  }

  /**
   * One page of GET /v2/organizations: the organizations whose id is above {@code after} (null:
   * from the start).
   */
  public List<OrganizationBody> organizationsAfter(Long after) {
    return read(call(LIST, () -> api.organizations(pageSize, after)), ORGANIZATIONS);
  }

  /** One page of GET /v2/organizations-detailed, with the same cursor. */
  public List<OrganizationDetailedBody> organizationsDetailedAfter(Long after) {
    return read(call(LIST_DETAILED, () -> api.organizationsDetailed(pageSize, after)), DETAILED);
  }

  @Override
  public void changeOrganization(long organizationId, OrganizationChange change) {
    OrganizationBody body =
        new OrganizationBody(
            null,
            change.name(),
            change.description(),
            change.userData(),
            change.nodeApprovalMode(),
            change.tags());
    call("PATCH /v2/organization/{id}", () -> api.updateOrganization(organizationId, body));
  }

  @Override
  public List<Location> locations(long organizationId) {
    List<LocationBody> all =
        read(
            call("GET /v2/organization/{id}/locations", () -> api.locations(organizationId)),
            LOCATIONS);
    List<Location> locations = new ArrayList<>();
    all.forEach(l -> locations.add(new Location(l.id(), l.name(), l.address(), l.description())));
    return locations;
  }

  @Override
  public long addLocation(long organizationId, NewLocation location) {
    LocationBody body =
        new LocationBody(null, location.name(), location.address(), location.description());
    Answer answer =
        call("POST /v2/organization/{id}/locations", () -> api.addLocation(organizationId, body));
    return read(answer, LocationBody.class).id();
  }

  @Override
  public List<Long> addChecklistsFromTemplates(long organizationId, List<Long> templateIds) {
    return ids(
        read(
            call(
                "POST /v2/organization/{id}/checklists-from-templates",
                () -> api.addChecklistsFromTemplates(organizationId, templateIds)),
            CHECKLISTS));
  }

  @Override
  public List<Long> checklistsOf(long organizationId) {
    return ids(
        read(
            call(
                "GET /v2/organization/checklists",
                () -> api.checklists(Long.toString(organizationId))),
            CHECKLISTS));
  }

  private static List<Long> ids(List<ChecklistBody> checklists) {
    return checklists.stream().map(ChecklistBody::id).toList();
  }

  @Override
  public void deleteChecklists(List<Long> checklistIds) {
    call(
        "POST /v2/organization/checklists/delete",
        () -> api.deleteChecklists(checklistIds),
        Answer.Body.ANY);
  }

  @Override
  public void changeLocation(long organizationId, long locationId, NewLocation location) {
    LocationBody body =
        new LocationBody(null, location.name(), location.address(), location.description());
    call(
        "PATCH /v2/organization/{id}/locations/{locationId}",
        () -> api.updateLocation(organizationId, locationId, body),
        Answer.Body.ANY);
  }

  @Override
  public OrganizationState readOrganization(long organizationId) {
    OrganizationDetailBody org = organization(organizationId);
    return new OrganizationState(
        organizationId,
        org.name(),
        org.description(),
        org.nodeApprovalMode(),
        org.tagsOrEmpty(),
        org.userData() == null ? Map.of() : org.userData(),
        org.policiesOrEmpty().stream()
            .map(m -> new PolicyRequest(m.nodeRoleId(), m.policyId()))
            .toList());
  }

  @Override
  public void replacePolicies(long organizationId, List<PolicyRequest> mappings) {
    List<PolicyMappingBody> body = new ArrayList<>();
    mappings.forEach(m -> body.add(new PolicyMappingBody(m.nodeRoleId(), m.policyId())));
    // NinjaOne answers with the affected device ids, media type not pinned: any 2xx is success,
    // whatever its body.
    call(
        "PUT /v2/organization/{id}/policies",
        () -> api.replacePolicies(organizationId, body),
        Answer.Body.ANY);
  }

  @Override
  public Map<String, Object> customFields(long organizationId) {
    Answer answer =
        call("GET /v2/organization/{id}/custom-fields", () -> api.customFields(organizationId));
    Map<String, Object> fields = read(answer, FIELDS);
    return fields == null ? Map.of() : fields;
  }

  @Override
  public void changeCustomFields(long organizationId, Map<String, Object> values) {
    call(
        "PATCH /v2/organization/{id}/custom-fields",
        () -> api.updateCustomFields(organizationId, values));
  }

  @Override
  public String installerUrl(
      long organizationId, long locationId, String installerType, Long nodeRoleId) {
    Answer answer =
        nodeRoleId == null
            ? call(
                "GET /v2/organization/{id}/location/{locationId}/installer/{type}",
                () -> api.installer(organizationId, locationId, installerType))
            : call(
                "POST /v2/organization/generate-installer",
                () ->
                    api.generateInstaller(
                        InstallerBody.forRole(
                            organizationId, locationId, installerType, nodeRoleId)));
    return read(answer, InstallerLink.class).url();
  }

  @Override
  public TenantCatalog catalog(boolean fresh) {
    return catalog.get(
        fresh,
        () ->
            new TenantCatalog(
                nodeClasses(call("GET /v2/roles", api::roles)),
                nodeClasses(call("GET /v2/policies", api::policies))));
  }

  private Map<Long, String> nodeClasses(Answer answer) {
    Map<Long, String> classes = new HashMap<>();
    read(answer, NODE_CLASSES)
        .forEach(item -> classes.put(item.id(), String.valueOf(item.nodeClass())));
    return Map.copyOf(classes);
  }

  /**
   * Every organization, page by page (for the tag jobs' adapter; not part of the saga's port). The
   * same cursor rules as the name look-up: stop at a short page, fail loudly when the cursor does
   * not advance.
   */
  public List<OrganizationBody> allOrganizations() {
    List<OrganizationBody> all = new ArrayList<>();
    Long after = null;
    while (true) {
      List<OrganizationBody> page = organizationsAfter(after);
      all.addAll(page);
      if (page.size() < pageSize) {
        return all;
      }
      after = OrganizationPaging.nextCursor(LIST, after, page.get(page.size() - 1).id());
    }
  }

  /** One cheap read that proves NinjaOne answers again (token included): the circuit's probe. */
  public void probe() {
    read(call("GET /v2/organizations", () -> api.organizations(1, null)), ORGANIZATIONS);
  }

  /**
   * How many organizations one GET /v2/organizations page holds: callers count their calls with it.
   */
  public int organizationPageSize() {
    return pageSize;
  }

  /** One organization with its tags and policy mapping (GET /v2/organization/{id}). */
  public OrganizationDetailBody organization(long organizationId) {
    return read(
        call("GET /v2/organization/{id}", () -> api.organization(organizationId)),
        OrganizationDetailBody.class);
  }

  // ---- devices: agent deployments confirmed by the devices that enrolled ----

  /**
   * One page of an organization's devices (GET /v2/organization/{id}/devices), the ids above {@code
   * after}; a background call (see {@link RequestBudget#acquireBackground}).
   */
  public List<DeviceBody> devicesAfter(long organizationId, Long after) {
    return read(
        call(
            "GET /v2/organization/{id}/devices",
            () -> api.organizationDevices(organizationId, pageSize, after),
            Answer.Body.JSON,
            true),
        DEVICES);
  }

  /** POST /v2/devices/approval/{mode}: APPROVE or REJECT devices waiting for approval. */
  public void decideDevices(String mode, List<Long> deviceIds) {
    call(
        "POST /v2/devices/approval/{mode}",
        () -> api.deviceApproval(mode, new DeviceIdListBody(deviceIds)),
        Answer.Body.ANY);
  }

  private Answer call(String endpoint, Supplier<Response> request) {
    return call(endpoint, request, Answer.Body.JSON);
  }

  private Answer call(String endpoint, Supplier<Response> request, Answer.Body expected) {
    return call(endpoint, request, expected, false);
  }

  /**
   * One call, with one fresh token and a second try after a 401; a background call lets every
   * waiting call of this instance go first.
   */
  private Answer call(
      String endpoint, Supplier<Response> request, Answer.Body expected, boolean background) {
    long generation = tokens.generation();
    tokens.accessToken();
    Answer answer = send(endpoint, request, background);
    if (answer.status() == 401) {
      tokens.rejected(generation);
      tokens.accessToken();
      answer = send(endpoint, request, background);
    }
    answer.throwUnlessSuccessful(expected);
    return answer;
  }

  /** One request in its turn of the tenant's budget; a throttle slows every instance down. */
  private Answer send(String endpoint, Supplier<Response> request, boolean background) {
    if (background) {
      budget.acquireBackground();
    } else {
      budget.acquire();
    }
    Answer answer = metrics.timed(endpoint, () -> Answer.of(endpoint, request));
    if (answer.isThrottle()) {
      budget.throttled();
    }
    return answer;
  }

  private <T> T read(Answer answer, Class<T> type) {
    return answer.parse(body -> json.readValue(body, type));
  }

  private <T> T read(Answer answer, TypeReference<T> type) {
    return answer.parse(body -> json.readValue(body, type));
  }
}
