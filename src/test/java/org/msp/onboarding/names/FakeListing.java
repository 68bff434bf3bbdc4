package org.msp.onboarding.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.msp.onboarding.ninjaone.dto.OrganizationBody;

/**
 * GET /v2/organizations over a map of organizations, counting its calls and the cursors asked for.
 */
class FakeListing implements ListingPages {
  final TreeMap<Long, OrganizationBody> organizations = new TreeMap<>();
  final List<Long> cursors = new ArrayList<>();
  private final int pageSize;
  private long lastId;
  volatile RuntimeException failWith;

  FakeListing(int pageSize) {
    this.pageSize = pageSize;
  }

  synchronized long add(String name, String marker) {
    long id = ++lastId;
    organizations.put(
        id,
        new OrganizationBody(
            id,
            name,
            null,
            marker == null ? null : Map.of("onboardingSagaId", marker),
            "AUTOMATIC",
            List.of()));
    return id;
  }

  synchronized void rename(long id, String name) {
    OrganizationBody org = organizations.get(id);
    organizations.put(
        id,
        new OrganizationBody(id, name, null, org.userData(), org.nodeApprovalMode(), org.tags()));
  }

  @Override
  public synchronized List<OrganizationBody> after(Long after) {
    cursors.add(after);
    if (failWith != null) {
      throw failWith;
    }
    return organizations.tailMap(after == null ? 0 : after, false).values().stream()
        .limit(pageSize)
        .toList();
  }

  @Override
  public int pageSize() {
    return pageSize;
  }

  synchronized int calls() {
    return cursors.size();
  }
}
