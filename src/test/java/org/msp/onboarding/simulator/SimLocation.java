package org.msp.onboarding.simulator;

import java.util.Map;

/** A location of an organization; an immutable snapshot. */
public record SimLocation(
    long id, String name, String address, String description, Map<String, Object> userData) {

  public SimLocation {
    userData = SimValues.frozenMap(userData);
  }

  SimLocation withId(long newId) {
    return new SimLocation(newId, name, address, description, userData);
  }
}
