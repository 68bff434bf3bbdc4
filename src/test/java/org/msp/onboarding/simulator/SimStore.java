package org.msp.onboarding.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * All organizations, in memory. One lock guards everything: every operation is a few map look-ups
 * (microseconds), so a single monitor is both simple and fast enough for dozens of concurrent
 * clients, and it makes "check the name is free, then create" atomic, as the real service's unique
 * constraint is.
 */
final class SimStore {

  /** Ordered by id, so a page "after id X" is a tail map. */
  private final TreeMap<Long, SimOrgEntry> organizations = new TreeMap<>();

  /**
   * Lower-cased name to ids; a list because duplicates exist when rejection is off or an org is
   * seeded.
   */
  private final Map<String, List<Long>> idsByName = new HashMap<>();

  private long lastOrganizationId;
  private long lastLocationId;
  private boolean rejectDuplicateNames = true;

  record Page(List<SimOrgSnapshot> items, boolean hasNextPage) {}

  synchronized void rejectDuplicateNames(boolean reject) {
    rejectDuplicateNames = reject;
  }

  /**
   * Creates an organization with its default location, then the given locations, policies and
   * fields.
   */
  synchronized SimOrgSnapshot create(
      SimOrganization draft,
      Map<String, Object> fields,
      List<SimLocation> extra,
      List<SimPolicyMapping> policies,
      boolean checkName) {
    if (checkName) {
      requireFreeName(draft.name(), 0);
    }
    return insert(draft, fields, extra, policies).snapshot();
  }

  private SimOrgEntry insert(
      SimOrganization draft,
      Map<String, Object> fields,
      List<SimLocation> extra,
      List<SimPolicyMapping> policies) {
    SimOrgEntry entry = new SimOrgEntry(draft.withId(lastOrganizationId + 1));
    if (!namesMainOffice(extra)) {
      entry.addLocation(
          new SimLocation(0, SimOrgEntry.DEFAULT_LOCATION, null, null, null), this::nextLocationId);
    }
    // a duplicate among the given locations throws here, before anything is stored
    extra.forEach(location -> entry.addLocation(location, this::nextLocationId));
    entry.policies(policies);
    entry.mergeFields(fields);
    lastOrganizationId++;
    organizations.put(entry.organization().id(), entry);
    index(entry.organization());
    return entry;
  }

  synchronized SimOrgSnapshot update(long id, UnaryOperator<SimOrganization> change) {
    SimOrgEntry entry = entry(id);
    SimOrganization before = entry.organization();
    SimOrganization after = change.apply(before).withId(id);
    if (!key(after.name()).equals(key(before.name()))) {
      requireFreeName(after.name(), id);
    }
    unindex(before);
    entry.organization(after);
    index(after);
    return entry.snapshot();
  }

  /** Throws the 404 for an unknown organization, so it wins over a 400 for the body. */
  synchronized void requireOrganization(long id) {
    entry(id);
  }

  synchronized SimOrgSnapshot snapshot(long id) {
    return entry(id).snapshot();
  }

  synchronized SimLocation addLocation(long id, SimLocation draft) {
    return entry(id).addLocation(draft, this::nextLocationId);
  }

  synchronized SimLocation updateLocation(
      long id, long locationId, UnaryOperator<SimLocation> change) {
    return entry(id).updateLocation(locationId, change);
  }

  synchronized SimLocation location(long id, long locationId) {
    return entry(id).location(locationId);
  }

  synchronized void replacePolicies(long id, List<SimPolicyMapping> policies) {
    entry(id).policies(policies);
  }

  synchronized Map<String, Object> mergeFields(long id, Map<String, Object> patch) {
    SimOrgEntry entry = entry(id);
    entry.mergeFields(patch);
    return entry.fields();
  }

  synchronized Page page(long after, int size) {
    List<SimOrgSnapshot> items = new ArrayList<>(Math.min(size, organizations.size()));
    Iterator<SimOrgEntry> rest = organizations.tailMap(after, false).values().iterator();
    while (items.size() < size && rest.hasNext()) {
      items.add(rest.next().snapshot());
    }
    return new Page(items, rest.hasNext());
  }

  synchronized List<SimOrgSnapshot> snapshots() {
    return organizations.values().stream().map(SimOrgEntry::snapshot).toList();
  }

  /**
   * The snapshot of an organization, or null when it does not exist (for the Java API, which never
   * throws).
   */
  synchronized SimOrgSnapshot find(long id) {
    SimOrgEntry entry = organizations.get(id);
    return entry == null ? null : entry.snapshot();
  }

  synchronized List<SimOrganization> organizations() {
    return organizations.values().stream().map(SimOrgEntry::organization).toList();
  }

  /** Sorted by id: a rename can add an older organization to a name after newer ones. */
  synchronized List<SimOrganization> named(String name) {
    List<Long> ids = idsByName.getOrDefault(key(name), List.of());
    return ids.stream().sorted().map(id -> organizations.get(id).organization()).toList();
  }

  /**
   * Bulk seeding: unique names "prefix + id", no JSON, no per-call overhead; 20,000 take a few
   * milliseconds.
   */
  synchronized void seed(int count, String prefix) {
    for (int i = 0; i < count; i++) {
      String name = prefix + (lastOrganizationId + 1);
      while (idsByName.containsKey(key(name))) {
        name = name + "-seed";
      }
      insert(
          new SimOrganization(0, name, "seeded", null, "AUTOMATIC", null),
          Map.of(),
          List.of(),
          List.of());
    }
  }

  synchronized void clear() {
    organizations.clear();
    idsByName.clear();
    lastOrganizationId = 0;
    lastLocationId = 0;
    rejectDuplicateNames = true;
  }

  private SimOrgEntry entry(long id) {
    SimOrgEntry entry = organizations.get(id);
    if (entry == null) {
      throw SimError.notFound("organization " + id + " not found");
    }
    return entry;
  }

  private void requireFreeName(String name, long selfId) {
    List<Long> holders = idsByName.get(key(name));
    boolean taken = holders != null && holders.stream().anyMatch(holder -> holder != selfId);
    if (rejectDuplicateNames && taken) {
      throw SimError.conflict("organization name must be unique");
    }
  }

  /** Given locations may include the default one; then it is not added twice. */
  private static boolean namesMainOffice(List<SimLocation> locations) {
    for (SimLocation location : locations) {
      if (key(location.name()).equals(key(SimOrgEntry.DEFAULT_LOCATION))) {
        return true;
      }
    }
    return false;
  }

  private long nextLocationId() {
    return ++lastLocationId;
  }

  private void index(SimOrganization organization) {
    idsByName
        .computeIfAbsent(key(organization.name()), k -> new ArrayList<>(1))
        .add(organization.id());
  }

  private void unindex(SimOrganization organization) {
    List<Long> ids = idsByName.get(key(organization.name()));
    ids.remove(Long.valueOf(organization.id())); // by value, not by index
    if (ids.isEmpty()) {
      idsByName.remove(key(organization.name()));
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
