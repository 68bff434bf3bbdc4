package org.msp.onboarding.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.msp.onboarding.audit.TenantReads.Location;
import org.msp.onboarding.saga.request.LocationRequest;

/**
 * Compares the locations a saga requested with NinjaOne's: missing, renamed (same id, new name) and
 * extra.
 */
final class LocationCheck {
  /**
   * NinjaOne gives every organization this location and it cannot be deleted: never drift on its
   * own.
   */
  static final String DEFAULT_LOCATION = "main office";

  private LocationCheck() {}

  /**
   * @param recordedIds location name to the id the saga recorded (empty for sagas that recorded
   *     none)
   */
  static List<String> locations(
      List<LocationRequest> requested, Map<String, Long> recordedIds, List<Location> actual) {
    Map<String, Location> byName = new HashMap<>();
    Map<Long, Location> byId = new HashMap<>();
    actual.forEach(
        l -> {
          byName.put(key(l.name()), l);
          byId.put(l.id(), l);
        });
    List<String> issues = new ArrayList<>();
    Set<String> wanted = new HashSet<>();
    Set<Long> accounted = new HashSet<>();
    for (LocationRequest location : requested) {
      wanted.add(key(location.name()));
      Long id = recordedIds.get(location.name());
      Location now = id == null ? null : byId.get(id);
      if (byName.containsKey(key(location.name()))) {
        continue;
      }
      if (now != null) {
        accounted.add(id);
        issues.add("location '" + location.name() + "': renamed to '" + now.name() + "'");
      } else {
        issues.add("location '" + location.name() + "': missing");
      }
    }
    for (Location location : actual) {
      String name = key(location.name());
      if (!wanted.contains(name)
          && !accounted.contains(location.id())
          && !name.equals(DEFAULT_LOCATION)) {
        issues.add("location '" + location.name() + "': not set by onboarding");
      }
    }
    return issues;
  }

  private static String key(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }
}
