package org.msp.onboarding.ninjaone;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.msp.onboarding.devices.OrganizationDevices;
import org.msp.onboarding.ninjaone.dto.DeviceBody;

/**
 * Device confirmation's reads and decisions over {@link NinjaOneClient}: GET
 * /v2/organization/{id}/devices page by page (a background call in the request budget) and POST
 * /v2/devices/approval/{mode}. The circuit and the error classification apply as to the sagas'
 * calls.
 */
@ApplicationScoped
public class NinjaOneOrganizationDevices implements OrganizationDevices {
  private static final String LIST = "GET /v2/organization/{id}/devices";

  private final NinjaOneClient ninjaOne;
  private final NinjaOneCircuit circuit;

  public NinjaOneOrganizationDevices(NinjaOneClient ninjaOne, NinjaOneCircuit circuit) {
    this.ninjaOne = ninjaOne;
    this.circuit = circuit;
  }

  @Override
  public boolean reachable() {
    return circuit.allowsWork();
  }

  /** Stops at a short page and fails loudly when the cursor does not advance. */
  @Override
  public List<Device> all(long organizationId) {
    List<Device> all = new ArrayList<>();
    Long after = null;
    while (true) {
      List<DeviceBody> page = ninjaOne.devicesAfter(organizationId, after);
      page.stream().filter(d -> d.locationId() != null).forEach(d -> all.add(device(d)));
      if (page.size() < ninjaOne.organizationPageSize()) {
        return all;
      }
      after = OrganizationPaging.nextCursor(LIST, after, page.get(page.size() - 1).id());
    }
  }

  @Override
  public void decide(Decision decision, List<Long> deviceIds) {
    ninjaOne.decideDevices(decision.name(), deviceIds);
  }

  private static Device device(DeviceBody body) {
    return new Device(
        body.id(),
        body.locationId(),
        body.nodeClass(),
        body.nodeRoleId(),
        !"PENDING".equals(body.approvalStatus()),
        body.displayName() != null ? body.displayName() : body.systemName());
  }
}
