package org.msp.onboarding.saga;

/**
 * The steps of every saga type; each type's order is declared in {@link SagaDefinition} (the
 * rollback runs it backwards).
 */
public enum StepName {
  CREATE_ORGANIZATION,
  ADD_LOCATIONS,
  MAP_POLICIES,
  SET_CUSTOM_FIELDS,
  RECORD_AGENT_DEPLOYMENTS,
  /** Onboarding: NinjaOne checklists from templates, after the create. */
  ADD_CHECKLISTS,
  /** Update: name, description, approval mode and the managed tags. */
  UPDATE_ORGANIZATION,
  /** Update: new locations added, changed ones patched. */
  UPDATE_LOCATIONS,
  /** Offboarding: no new device may join; tagged offboarded. */
  MARK_OFFBOARDED,
  /** Offboarding: the policy mapping emptied. */
  CLEAR_POLICIES,
  /** Offboarding: open deployment tasks cancelled, a clean-up task for an operator. */
  CLOSE_DEPLOYMENTS
}
