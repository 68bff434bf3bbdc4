package org.msp.onboarding.devices;

import java.util.List;

/**
 * What device confirmation reads and does in NinjaOne: an organization's devices, and the decision
 * on devices waiting for approval. Each method may throw {@code RemoteCallException}, whose kind
 * says whether a retry can help.
 */
public interface OrganizationDevices {

  /**
   * A device (NinjaOne's node) of an organization; {@code approved} is false while it waits for an
   * operator (the organization's nodeApprovalMode is MANUAL).
   */
  record Device(
      long id,
      long locationId,
      String nodeClass,
      Long nodeRoleId,
      boolean approved,
      String displayName) {}

  /** What an operator decides on a waiting device. */
  enum Decision {
    APPROVE,
    REJECT
  }

  /**
   * Whether NinjaOne takes calls now: false while this instance's circuit is open (NinjaOne down
   * for everyone), when reads would only add to the outage and their failures prove nothing.
   */
  boolean reachable();

  /** Every device of the organization, read page by page to the end. */
  List<Device> all(long organizationId);

  /**
   * Lets waiting devices in (APPROVE) or turns them away (REJECT). A device no longer waiting is
   * left as it is, so a call whose answer was lost can be repeated.
   */
  void decide(Decision decision, List<Long> deviceIds);
}
