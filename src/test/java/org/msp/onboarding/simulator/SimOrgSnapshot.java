package org.msp.onboarding.simulator;

import java.util.List;
import java.util.Map;

/** An organization together with everything hanging off it, copied out under the store's lock. */
record SimOrgSnapshot(
    SimOrganization organization,
    List<SimLocation> locations,
    List<SimPolicyMapping> policies,
    Map<String, Object> fields) {

  SimOrgSnapshot {
    locations = SimValues.frozenList(locations);
    policies = SimValues.frozenList(policies);
    fields = SimValues.frozenMap(fields);
  }
}
