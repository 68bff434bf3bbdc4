package org.msp.onboarding.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tenant's devices, in memory, ordered by id (a page "after id X" is a tail map). Enrolment
 * reads the organization's approval mode from the {@link SimStore}: MANUAL leaves a device PENDING,
 * REJECT refuses it, as NinjaOne does with an agent that tries to join.
 */
final class SimDevices {

  /** NinjaOne's node classes that an agent installer enrols (the rest are network devices). */
  static final Set<String> AGENT_NODE_CLASSES =
      Set.of(
          "WINDOWS_SERVER",
          "WINDOWS_WORKSTATION",
          "LINUX_WORKSTATION",
          "LINUX_SERVER",
          "MAC",
          "MAC_SERVER");

  private final SimStore store;
  private final TreeMap<Long, SimDevice> devices = new TreeMap<>();
  private long lastDeviceId;

  SimDevices(SimStore store) {
    this.store = store;
  }

  /** An agent installed at a location joins the organization (404 for an unknown location). */
  synchronized SimDevice enrol(
      long organizationId, long locationId, String nodeClass, Long nodeRoleId, String name) {
    store.location(organizationId, locationId);
    if (!AGENT_NODE_CLASSES.contains(nodeClass)) {
      throw SimError.badRequest("nodeClass must be one of " + AGENT_NODE_CLASSES);
    }
    String mode = store.snapshot(organizationId).organization().nodeApprovalMode();
    if ("REJECT".equals(mode)) {
      throw SimError.conflict("organization " + organizationId + " rejects new devices");
    }
    long id = ++lastDeviceId;
    String status = "MANUAL".equals(mode) ? SimDevice.PENDING : SimDevice.APPROVED;
    double created = System.currentTimeMillis() / 1000.0;
    SimDevice device =
        new SimDevice(
            id,
            organizationId,
            locationId,
            nodeClass,
            nodeRoleId,
            status,
            name == null ? "device-" + id : name,
            created);
    devices.put(id, device);
    return device;
  }

  synchronized List<SimDevice> page(long organizationId, long after, int size) {
    store.requireOrganization(organizationId);
    List<SimDevice> page = new ArrayList<>();
    for (SimDevice device : devices.tailMap(after, false).values()) {
      if (page.size() == size) {
        break;
      }
      if (device.organizationId() == organizationId) {
        page.add(device);
      }
    }
    return page;
  }

  /**
   * APPROVE lets waiting devices in; REJECT turns them away (they leave the organization). A device
   * that is not waiting is left as it is, so a repeated call changes nothing.
   */
  synchronized void decide(boolean approve, Collection<Long> ids) {
    for (Long id : ids) {
      SimDevice device = devices.get(id);
      if (device == null || !SimDevice.PENDING.equals(device.approvalStatus())) {
        continue;
      }
      if (approve) {
        devices.put(id, device.approved());
      } else {
        devices.remove(id);
      }
    }
  }

  synchronized SimDevice find(long id) {
    return devices.get(id);
  }

  synchronized List<SimDevice> of(long organizationId) {
    return devices.values().stream().filter(d -> d.organizationId() == organizationId).toList();
  }

  synchronized List<SimDevice> all() {
    return List.copyOf(devices.values());
  }

  synchronized void clear() {
    devices.clear();
    lastDeviceId = 0;
  }
}
