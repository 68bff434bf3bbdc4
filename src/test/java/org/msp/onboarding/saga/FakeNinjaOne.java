package org.msp.onboarding.saga;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.msp.onboarding.saga.request.PolicyRequest;

/**
 * In-memory NinjaOne for the saga rules' unit tests: a call log and scripted failures. It is its
 * own always-fresh name index too ("holdersOf" in the log stands for the index's refresh call).
 */
class FakeNinjaOne implements NinjaOne, OrganizationNames {
  final List<String> calls = new ArrayList<>();
  final Map<Long, Organization> organizations = new LinkedHashMap<>();
  final Map<Long, Map<String, Long>> locations = new LinkedHashMap<>();
  final Map<Long, List<PolicyRequest>> policies = new LinkedHashMap<>();
  final Map<Long, Map<String, Object>> fields = new LinkedHashMap<>();
  final Map<Long, String> approvalModes = new LinkedHashMap<>();
  final Map<Long, String> descriptions = new LinkedHashMap<>();

  /** Location id -> [address, description]. */
  final Map<Long, String[]> locationDetails = new LinkedHashMap<>();

  private final Map<String, Deque<RemoteCallException>> failures = new LinkedHashMap<>();

  /** Calls named here take effect, then fail as if the answer was lost. */
  private final Map<String, Integer> lostAnswers = new LinkedHashMap<>();

  private long nextId = 100;

  /**
   * A tenant that accepts duplicate names answers no 409, as NinjaOne's published API describes
   * none.
   */
  boolean duplicateNamesAllowed;

  void failNext(String call, RemoteCallException.Kind kind, int status) {
    failures
        .computeIfAbsent(call, c -> new ArrayDeque<>())
        .add(new RemoteCallException(kind, status, call + " HTTP " + status, null));
  }

  void loseAnswerOfNext(String call) {
    lostAnswers.merge(call, 1, Integer::sum);
  }

  long seedForeign(String name) {
    return seed(name, Map.of());
  }

  long seed(String name, Map<String, Object> userData) {
    long id = nextId++;
    organizations.put(id, new Organization(id, name, userData, List.of()));
    return id;
  }

  private void enter(String call) {
    calls.add(call);
    Deque<RemoteCallException> queue = failures.get(call);
    if (queue != null && !queue.isEmpty()) {
      throw queue.poll();
    }
  }

  private <T> T answer(String call, T value) {
    Integer lost = lostAnswers.get(call);
    if (lost != null && lost > 0) {
      lostAnswers.put(call, lost - 1);
      throw new RemoteCallException(
          RemoteCallException.Kind.TRANSIENT, 0, call + ": connection reset", null);
    }
    return value;
  }

  @Override
  public long createOrganization(NewOrganization org) {
    enter("createOrganization");
    if (!duplicateNamesAllowed && !named(org.name()).isEmpty()) {
      throw new RemoteCallException(
          RemoteCallException.Kind.CONFLICT, 409, "name must be unique", null);
    }
    long id = nextId++;
    organizations.put(id, new Organization(id, org.name(), org.userData(), org.tags()));
    approvalModes.put(id, org.nodeApprovalMode());
    locations.put(id, new LinkedHashMap<>(Map.of("Main Office", nextId++)));
    return answer("createOrganization", id);
  }

  @Override
  public List<Organization> organizationsNamed(String name) {
    enter("organizationsNamed");
    return named(name);
  }

  @Override
  public List<Holder> holdersOf(String name) {
    enter("holdersOf");
    return named(name).stream().map(o -> new Holder(o.id(), marker(o))).toList();
  }

  /** What the create step told the name index it created: "id name marker". */
  final List<String> createdNoted = new ArrayList<>();

  @Override
  public void created(long organizationId, String name, String sagaMarker) {
    createdNoted.add(organizationId + " " + name + " " + sagaMarker);
  }

  @Override
  public Optional<Long> markedBy(String sagaMarker) {
    enter("markedBy");
    return organizations.values().stream()
        .filter(o -> sagaMarker.equals(marker(o)))
        .map(Organization::id)
        .findFirst();
  }

  private static String marker(Organization org) {
    Object marker = org.userData() == null ? null : org.userData().get(StepContext.MARKER);
    return marker == null ? null : marker.toString();
  }

  private List<Organization> named(String name) {
    return organizations.values().stream()
        .filter(o -> o.name().equalsIgnoreCase(name))
        .sorted(java.util.Comparator.comparingLong(Organization::id))
        .toList();
  }

  @Override
  public void changeOrganization(long id, OrganizationChange change) {
    enter("changeOrganization");
    Organization was = organizations.get(id);
    organizations.put(
        id,
        new Organization(
            id,
            change.name() == null ? was.name() : change.name(),
            change.userData() == null ? was.userData() : change.userData(),
            change.tags() == null ? was.tags() : change.tags()));
    if (change.nodeApprovalMode() != null) {
      approvalModes.put(id, change.nodeApprovalMode());
    }
    if (change.description() != null) {
      descriptions.put(id, change.description());
    }
  }

  @Override
  public OrganizationState readOrganization(long id) {
    enter("readOrganization");
    Organization org = organizations.get(id);
    if (org == null) {
      throw new RemoteCallException(RemoteCallException.Kind.PERMANENT, 404, "not found", null);
    }
    return new OrganizationState(
        id,
        org.name(),
        descriptions.get(id),
        approvalModes.getOrDefault(id, "AUTOMATIC"),
        org.tags() == null ? List.of() : List.copyOf(org.tags()),
        org.userData(),
        policies.getOrDefault(id, List.of()));
  }

  @Override
  public void changeLocation(long organizationId, long locationId, NewLocation location) {
    enter("changeLocation");
    locationDetails.put(locationId, new String[] {location.address(), location.description()});
  }

  @Override
  public List<Location> locations(long organizationId) {
    enter("locations");
    List<Location> all = new ArrayList<>();
    locations
        .get(organizationId)
        .forEach(
            (name, id) -> {
              String[] details = locationDetails.getOrDefault(id, new String[2]);
              all.add(new Location(id, name, details[0], details[1]));
            });
    return all;
  }

  @Override
  public long addLocation(long organizationId, NewLocation location) {
    enter("addLocation");
    Map<String, Long> existing = locations.get(organizationId);
    if (existing.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(location.name()))) {
      throw new RemoteCallException(
          RemoteCallException.Kind.CONFLICT, 409, "location name must be unique", null);
    }
    long id = nextId++;
    existing.put(location.name(), id);
    locationDetails.put(id, new String[] {location.address(), location.description()});
    return answer("addLocation", id);
  }

  @Override
  public void replacePolicies(long organizationId, List<PolicyRequest> mappings) {
    enter("replacePolicies");
    policies.put(organizationId, List.copyOf(mappings));
  }

  @Override
  public Map<String, Object> customFields(long organizationId) {
    enter("customFields");
    return new LinkedHashMap<>(fields.getOrDefault(organizationId, Map.of()));
  }

  @Override
  public void changeCustomFields(long organizationId, Map<String, Object> values) {
    enter("changeCustomFields");
    Map<String, Object> current =
        fields.computeIfAbsent(organizationId, id -> new LinkedHashMap<>());
    values.forEach(
        (k, v) -> {
          if (v == null) {
            current.remove(k);
          } else {
            current.put(k, v);
          }
        });
  }

  final Map<Long, List<Long>> checklists = new LinkedHashMap<>();

  @Override
  public List<Long> addChecklistsFromTemplates(long organizationId, List<Long> templateIds) {
    enter("addChecklistsFromTemplates");
    List<Long> made = new ArrayList<>();
    templateIds.forEach(t -> made.add(nextId++));
    checklists.computeIfAbsent(organizationId, id -> new ArrayList<>()).addAll(made);
    return answer("addChecklistsFromTemplates", made);
  }

  @Override
  public List<Long> checklistsOf(long organizationId) {
    enter("checklistsOf");
    return List.copyOf(checklists.getOrDefault(organizationId, List.of()));
  }

  @Override
  public void deleteChecklists(List<Long> checklistIds) {
    enter("deleteChecklists");
    checklists.values().forEach(l -> l.removeAll(checklistIds));
  }

  @Override
  public String installerUrl(
      long organizationId, long locationId, String installerType, Long nodeRoleId) {
    enter("installerUrl");
    return "https://installer.invalid/" + organizationId + "/" + locationId + "/" + installerType;
  }

  /** The product note's five roles and, per role, its policies role * 100 .. role * 100 + 99. */
  final Map<Long, String> roleClasses =
      new LinkedHashMap<>(
          Map.of(
              1L,
              "WINDOWS_WORKSTATION",
              2L,
              "WINDOWS_SERVER",
              3L,
              "MAC",
              4L,
              "LINUX_WORKSTATION",
              5L,
              "LINUX_SERVER"));

  @Override
  public TenantCatalog catalog(boolean fresh) {
    Map<Long, String> policyClasses = new LinkedHashMap<>();
    roleClasses.forEach(
        (role, nodeClass) -> {
          for (long policy = role * 100; policy < role * 100 + 100; policy++) {
            policyClasses.put(policy, nodeClass);
          }
        });
    return new TenantCatalog(Map.copyOf(roleClasses), policyClasses);
  }
}
