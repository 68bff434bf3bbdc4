package org.msp.onboarding.simulator;

import java.util.List;
import java.util.Map;

/**
 * An organization as the simulator holds it; an immutable snapshot, safe to hand to other threads.
 */
public record SimOrganization(
    long id,
    String name,
    String description,
    Map<String, Object> userData,
    String nodeApprovalMode,
    List<String> tags) {

  public SimOrganization {
    // copy so a caller's later change to its map or list cannot reach into the simulator's state
    userData = SimValues.frozenMap(userData);
    tags = SimValues.frozenList(tags);
  }

  SimOrganization withId(long newId) {
    return new SimOrganization(newId, name, description, userData, nodeApprovalMode, tags);
  }
}
