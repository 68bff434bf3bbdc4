package org.msp.onboarding.saga;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of one step (or of its compensation), handed from the store to a worker.
 *
 * @param resumed the step was already RUNNING: an earlier run started and its outcome was never
 *     recorded (the process died, or its database session did), so it may have taken effect in
 *     NinjaOne
 * @param startBy the lease this worker holds ends then; a run that has not started by then must not
 *     start
 * @param leaseEpoch the epoch of that lease: the outcome is recorded only while it is still the
 *     saga's current one
 */
public record Work(
    UUID sagaId,
    String clientId,
    Phase phase,
    StepName step,
    int attempt,
    FailureCode failureCode,
    boolean resumed,
    Instant startBy,
    long leaseEpoch) {

  /** This work under the lease a worker holds. */
  public Work leased(Instant leaseEnd, long epoch) {
    return new Work(sagaId, clientId, phase, step, attempt, failureCode, resumed, leaseEnd, epoch);
  }

  public enum Phase {
    FORWARD,
    COMPENSATE
  }
}
