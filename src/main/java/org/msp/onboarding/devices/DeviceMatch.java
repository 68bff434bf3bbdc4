package org.msp.onboarding.devices;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.msp.onboarding.devices.OrganizationDevices.Device;
import org.msp.onboarding.saga.request.DeploymentPlan;

/**
 * Which open agent-deployment tasks an organization's devices confirm, and which waiting devices an
 * operator should see. Plain rules, no storage.
 */
final class DeviceMatch {
  private DeviceMatch() {}

  /** A PENDING task: an agent of its installer type is expected at its location. */
  record OpenTask(UUID id, long locationId, String installerType, Long nodeRoleId) {}

  /**
   * @param confirmed task id to the device that confirms it
   * @param waiting devices waiting for approval at a location that still has an open task
   */
  record Result(Map<UUID, Long> confirmed, List<Device> waiting) {}

  /**
   * A task is confirmed by an approved device at its location whose node class its installer
   * installs (and, when both name one, of its node role). One device confirms one task at most;
   * {@code used} are the devices that confirmed earlier tasks.
   */
  static Result match(List<OpenTask> tasks, Set<Long> used, List<Device> devices) {
    Set<Long> taken = new HashSet<>(used);
    Map<UUID, Long> confirmed = new LinkedHashMap<>();
    Set<Long> stillOpen = new HashSet<>();
    for (OpenTask task : tasks) {
      Device device = firstFitting(task, devices, taken);
      if (device == null) {
        stillOpen.add(task.locationId());
      } else {
        taken.add(device.id());
        confirmed.put(task.id(), device.id());
      }
    }
    List<Device> waiting = new ArrayList<>();
    for (Device device : devices) {
      if (!device.approved() && stillOpen.contains(device.locationId())) {
        waiting.add(device);
      }
    }
    return new Result(confirmed, waiting);
  }

  private static Device firstFitting(OpenTask task, List<Device> devices, Set<Long> taken) {
    for (Device device : devices) {
      if (device.approved() && !taken.contains(device.id()) && fits(task, device)) {
        return device;
      }
    }
    return null;
  }

  static boolean fits(OpenTask task, Device device) {
    boolean roleFits =
        task.nodeRoleId() == null
            || device.nodeRoleId() == null
            || task.nodeRoleId().equals(device.nodeRoleId());
    return device.locationId() == task.locationId()
        && roleFits
        && DeploymentPlan.installs(task.installerType(), device.nodeClass());
  }
}
