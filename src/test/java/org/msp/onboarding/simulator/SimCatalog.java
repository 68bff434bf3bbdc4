package org.msp.onboarding.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's node roles and policies. By default the roles of the product note (1 Windows
 * workstation, 2 Windows server, 3 Mac, 4 Linux workstation, 5 Linux server) and, per role, the
 * policies numbered role * 100 to role * 100 + 99 (e.g. 100 and 110 for role 1, 300 for role 3);
 * tests add others.
 */
final class SimCatalog {

  record Entry(long id, String name, String nodeClass) {}

  private static final String[] DEFAULT_CLASSES = {
    "WINDOWS_WORKSTATION", "WINDOWS_SERVER", "MAC", "LINUX_WORKSTATION", "LINUX_SERVER"
  };

  private final Map<Long, Entry> roles = new LinkedHashMap<>();
  private final Map<Long, Entry> policies = new LinkedHashMap<>();

  SimCatalog() {
    reset();
  }

  synchronized void reset() {
    roles.clear();
    policies.clear();
    for (int i = 0; i < DEFAULT_CLASSES.length; i++) {
      long role = i + 1;
      roles.put(
          role,
          new Entry(role, DEFAULT_CLASSES[i].toLowerCase().replace('_', ' '), DEFAULT_CLASSES[i]));
      for (long policy = role * 100; policy < role * 100 + 100; policy++) {
        policies.put(policy, new Entry(policy, "Policy " + policy, DEFAULT_CLASSES[i]));
      }
    }
  }

  synchronized void addRole(long id, String name, String nodeClass) {
    roles.put(id, new Entry(id, name, nodeClass));
  }

  synchronized void addPolicy(long id, String name, String nodeClass) {
    policies.put(id, new Entry(id, name, nodeClass));
  }

  /** NodeRole items as GET /v2/roles answers them. */
  synchronized List<Map<String, Object>> roles() {
    List<Map<String, Object>> list = new ArrayList<>();
    roles.values().forEach(r -> list.add(item(r, "custom", r.id() > 5)));
    return list;
  }

  /** Policy items as GET /v2/policies answers them. */
  synchronized List<Map<String, Object>> policies() {
    List<Map<String, Object>> list = new ArrayList<>();
    policies.values().forEach(p -> list.add(item(p, "nodeClassDefault", false)));
    return list;
  }

  private static Map<String, Object> item(Entry entry, String flag, boolean value) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", entry.id());
    item.put("name", entry.name());
    item.put("nodeClass", entry.nodeClass());
    item.put(flag, value);
    return item;
  }
}
