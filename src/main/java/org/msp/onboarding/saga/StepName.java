package org.msp.onboarding.saga;

/** The five onboarding steps, in the order they run (compensation runs them backwards). */
public enum StepName {
  CREATE_ORGANIZATION,
  ADD_LOCATIONS,
  MAP_POLICIES,
  SET_CUSTOM_FIELDS,
  RECORD_AGENT_DEPLOYMENTS
}
