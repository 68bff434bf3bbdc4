package org.msp.onboarding.saga;

import org.msp.onboarding.saga.request.ClientRequest;

/**
 * One onboarding step paired with its compensation. Both must be safe to run again: a process can
 * die after NinjaOne applied a call and before the outcome was recorded.
 */
public interface SagaStep {

  StepName name();

  /** False when the request gives this step nothing to do; the step is then SKIPPED. */
  boolean hasWork(ClientRequest request);

  StepOutcome execute(StepContext context);

  /**
   * Saves in the saga data what this step's rollback will need before the step writes anything
   * (e.g. the values it overwrites); true when it saved something now. Called only where the saga's
   * definition declares a checkpoint for the step.
   */
  default boolean takeCheckpoint(StepContext context) {
    return false;
  }

  /** Undoes what execute did (without DELETE: NinjaOne has none); a no-op when nothing was done. */
  StepOutcome compensate(StepContext context);
}
