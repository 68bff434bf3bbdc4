package org.msp.onboarding.simulator;

/**
 * A device (NinjaOne's node) as the simulator holds it: an agent that enrolled at a location;
 * {@code approvalStatus} is PENDING while its organization's nodeApprovalMode is MANUAL and no one
 * has approved it yet, else APPROVED.
 */
public record SimDevice(
    long id,
    long organizationId,
    long locationId,
    String nodeClass,
    Long nodeRoleId,
    String approvalStatus,
    String displayName,
    double created) {

  public static final String PENDING = "PENDING";
  public static final String APPROVED = "APPROVED";

  SimDevice approved() {
    return new SimDevice(
        id, organizationId, locationId, nodeClass, nodeRoleId, APPROVED, displayName, created);
  }
}
