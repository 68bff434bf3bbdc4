package org.msp.onboarding.saga;

import java.time.Duration;

/** What one run of a step (or of its compensation) came to. */
public sealed interface StepOutcome {

  /** Done; the step's effects are recorded in the saga data. */
  record Succeeded() implements StepOutcome {}

  /** Progress worth saving before going on (e.g. values read for a later restore); run again at once. */
  record Checkpoint() implements StepOutcome {}

  /** A transient failure: try again later, not before retryAfter when NinjaOne named one. */
  record RetryLater(String error, Duration retryAfter) implements StepOutcome {}

  /** A permanent failure: stop going forward and roll back. */
  record Failed(FailureCode code, String error) implements StepOutcome {}

  static StepOutcome succeeded() {
    return new Succeeded();
  }
}
