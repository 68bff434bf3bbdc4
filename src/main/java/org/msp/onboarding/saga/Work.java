package org.msp.onboarding.saga;

import java.util.UUID;

/** One run of one step (or of its compensation), handed from the store to a worker. */
public record Work(UUID sagaId, String clientId, Phase phase, StepName step, int attempt, FailureCode failureCode) {
  public enum Phase {
    FORWARD,
    COMPENSATE
  }
}
