package org.msp.onboarding.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What one run of a step (or of its compensation) came to. */
public sealed interface StepOutcome {

  /**
   * Done; the step's effects are recorded in the saga data, and what follows from them for storage
   * in its events (tasks due, an organization named, ...).
   */
  record Succeeded(List<SagaEvent> events) implements StepOutcome {
    public Succeeded {
      events = List.copyOf(events);
    }
  }

  /**
   * Progress worth saving before going on (e.g. values read for a later restore); run again at
   * once.
   */
  record Checkpoint() implements StepOutcome {}

  /** A transient failure: try again later, not before retryAfter when NinjaOne named one. */
  record RetryLater(String error, Duration retryAfter) implements StepOutcome {}

  /**
   * A transient failure while NinjaOne is failing for everyone (the circuit is open): the step
   * waits until about when NinjaOne is probed next, without spending its retries; the runner starts
   * nothing until NinjaOne answers.
   */
  record Paused(String error, Instant until) implements StepOutcome {}

  /** A permanent failure: stop going forward and roll back. */
  record Failed(FailureCode code, String error) implements StepOutcome {}

  static StepOutcome succeeded(SagaEvent... events) {
    return new Succeeded(List.of(events));
  }
}
