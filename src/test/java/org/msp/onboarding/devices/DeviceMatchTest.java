package org.msp.onboarding.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.devices.DeviceMatch.OpenTask;
import org.msp.onboarding.devices.DeviceMatch.Result;
import org.msp.onboarding.devices.OrganizationDevices.Device;

class DeviceMatchTest {
  private static final long HQ = 10;
  private static final long BRANCH = 11;

  private static OpenTask task(long location, String installer) {
    return new OpenTask(UUID.randomUUID(), location, installer, null);
  }

  private static Device approved(long id, long location, String nodeClass) {
    return new Device(id, location, nodeClass, null, true, "d" + id);
  }

  @Test
  void anApprovedDeviceOfTheInstallersClassAtTheLocationConfirmsTheTask() {
    OpenTask windows = task(HQ, "WINDOWS_MSI");
    Result result =
        DeviceMatch.match(List.of(windows), Set.of(), List.of(approved(1, HQ, "WINDOWS_SERVER")));
    assertEquals(Map.of(windows.id(), 1L), result.confirmed());
  }

  @Test
  void aDeviceElsewhereOrOfAnotherClassConfirmsNothing() {
    OpenTask windows = task(HQ, "WINDOWS_MSI");
    Result result =
        DeviceMatch.match(
            List.of(windows),
            Set.of(),
            List.of(approved(1, BRANCH, "WINDOWS_WORKSTATION"), approved(2, HQ, "MAC")));
    assertEquals(Map.of(), result.confirmed());
  }

  @Test
  void aWaitingDeviceConfirmsNothingAndIsListedWhileItsLocationHasAnOpenTask() {
    OpenTask mac = task(HQ, "MAC_PKG");
    Device waitingHere = new Device(1, HQ, "MAC", null, false, "mac");
    Device waitingElsewhere = new Device(2, BRANCH, "MAC", null, false, "other");
    Result result =
        DeviceMatch.match(List.of(mac), Set.of(), List.of(waitingHere, waitingElsewhere));
    assertEquals(Map.of(), result.confirmed());
    assertEquals(List.of(waitingHere), result.waiting());
  }

  @Test
  void oneDeviceConfirmsOneTaskAndADeviceUsedBeforeConfirmsNoOther() {
    OpenTask pkg = task(HQ, "MAC_PKG");
    OpenTask dmg = task(HQ, "MAC_DMG");
    Result result =
        DeviceMatch.match(
            List.of(pkg, dmg), Set.of(7L), List.of(approved(7, HQ, "MAC"), approved(8, HQ, "MAC")));
    assertEquals(Map.of(pkg.id(), 8L), result.confirmed());
  }

  @Test
  void aTaskForANodeRoleWantsADeviceOfThatRole() {
    OpenTask forRole = new OpenTask(UUID.randomUUID(), HQ, "LINUX_DEB", 5L);
    Device otherRole = new Device(1, HQ, "LINUX_SERVER", 4L, true, "a");
    Device sameRole = new Device(2, HQ, "LINUX_SERVER", 5L, true, "b");
    Result result = DeviceMatch.match(List.of(forRole), Set.of(), List.of(otherRole, sameRole));
    assertEquals(Map.of(forRole.id(), 2L), result.confirmed());
  }
}
