package org.msp.onboarding.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The mutable state of one organization. Not thread-safe on its own: only {@link SimStore} touches
 * it, always while holding the store's lock, and it hands out immutable snapshots only.
 */
final class SimOrgEntry {

  static final String DEFAULT_LOCATION = "Main Office";

  private SimOrganization organization;
  private final Map<Long, SimLocation> locations = new LinkedHashMap<>();
  private List<SimPolicyMapping> policies = List.of();
  private final Map<String, Object> fields = new LinkedHashMap<>();

  SimOrgEntry(SimOrganization organization) {
    this.organization = organization;
  }

  SimOrganization organization() {
    return organization;
  }

  void organization(SimOrganization changed) {
    organization = changed;
  }

  SimLocation addLocation(SimLocation draft, LongSupplier ids) {
    requireUniqueLocationName(draft.name(), 0);
    SimLocation location = draft.withId(ids.getAsLong());
    locations.put(location.id(), location);
    return location;
  }

  SimLocation updateLocation(long locationId, UnaryOperator<SimLocation> change) {
    SimLocation changed = change.apply(location(locationId)).withId(locationId);
    requireUniqueLocationName(changed.name(), locationId);
    locations.put(locationId, changed);
    return changed;
  }

  SimLocation location(long locationId) {
    SimLocation location = locations.get(locationId);
    if (location == null) {
      throw SimError.notFound(
          "location " + locationId + " not found in organization " + organization.id());
    }
    return location;
  }

  List<SimLocation> locations() {
    return List.copyOf(locations.values());
  }

  List<SimPolicyMapping> policies() {
    return policies;
  }

  void policies(List<SimPolicyMapping> replacement) {
    policies = List.copyOf(replacement);
  }

  /** Merges like NinjaOne's PATCH: a null value removes the field, anything else sets it. */
  void mergeFields(Map<String, Object> patch) {
    patch.forEach(
        (key, value) -> {
          if (value == null) {
            fields.remove(key);
          } else {
            fields.put(key, value);
          }
        });
  }

  Map<String, Object> fields() {
    return SimValues.frozenMap(fields);
  }

  SimOrgSnapshot snapshot() {
    return new SimOrgSnapshot(organization, new ArrayList<>(locations.values()), policies, fields);
  }

  /**
   * Location names are unique within an organization, case-insensitively; a location may keep its
   * own name.
   */
  private void requireUniqueLocationName(String name, long selfId) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (SimLocation existing : locations.values()) {
      if (existing.id() != selfId && existing.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        throw SimError.conflict("location name must be unique within the organization");
      }
    }
  }
}
