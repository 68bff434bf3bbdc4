package org.msp.onboarding.saga;

/** Why a saga did not complete; shown to operators as failureCode. */
public enum FailureCode {
  /**
   * The organization name belongs to an organization this saga did not create; nothing was touched.
   */
  NAME_CONFLICT,
  /**
   * A policy mapping or agent deployment names a node role or policy the tenant does not have, or
   * pairs a policy with a role of another node class; refused before anything was written.
   */
  INVALID_POLICY_MAPPING,
  /**
   * The organization to adopt does not exist in NinjaOne, or another saga's client holds it;
   * nothing was changed.
   */
  ORGANIZATION_NOT_ADOPTABLE,
  /** NinjaOne answered 409 to a later step. */
  CONFLICT,
  /** NinjaOne rejected a call for good (400, 403, 404, 422). */
  REJECTED,
  /** A transient failure outlasted the configured number of attempts. */
  RETRIES_EXHAUSTED,
  /** An operator asked for the rollback. */
  OPERATOR_REQUESTED,
  /** The rollback itself could not finish; failureReason says what is left. */
  COMPENSATION_FAILED
}
