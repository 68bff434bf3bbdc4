package org.msp.onboarding.devices;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.msp.onboarding.devices.OrganizationDevices.Decision;
import org.msp.onboarding.devices.PendingDevices.PendingDevice;
import org.msp.onboarding.web.ProblemException;

/**
 * An operator approves or rejects a device waiting at a location with an open task. Only devices
 * the service listed can be decided on: the API is no way to approve any device of the tenant.
 */
@ApplicationScoped
public class DeviceApprovals {
  private final PendingDevices pending;
  private final OrganizationDevices devices;
  private final DevicePollStore polls;
  private final OperatorAuditLog audit;

  public DeviceApprovals(
      PendingDevices pending,
      OrganizationDevices devices,
      DevicePollStore polls,
      OperatorAuditLog audit) {
    this.pending = pending;
    this.devices = devices;
    this.polls = polls;
    this.audit = audit;
  }

  /** The outcome, as the API answers it. */
  public record DecisionView(PendingDevice device, String decision, String operator) {}

  /**
   * Tells NinjaOne first (outside any transaction), then records: a lost answer leaves the device
   * listed, and deciding again is harmless. Throws RemoteCallException when NinjaOne fails.
   */
  public DecisionView decide(long deviceId, Decision decision, String operator) {
    PendingDevice device =
        pending
            .find(deviceId)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "no device "
                            + deviceId
                            + " is waiting for approval at a location with an open task"));
    devices.decide(decision, List.of(deviceId));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              pending.remove(deviceId);
              audit.record(
                  operator,
                  decision == Decision.APPROVE ? "APPROVE_DEVICE" : "REJECT_DEVICE",
                  "device " + deviceId,
                  "organization "
                      + device.organizationId()
                      + ", location "
                      + device.locationId()
                      + " ("
                      + device.locationName()
                      + "), "
                      + device.nodeClass()
                      + " "
                      + device.displayName());
              polls.readSoon(device.organizationId());
            });
    return new DecisionView(device, decision.name(), operator);
  }
}
