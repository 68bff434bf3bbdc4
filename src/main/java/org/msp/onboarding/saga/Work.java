package org.msp.onboarding.saga;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of one step (or of its compensation), handed from the store to a worker.
 *
 * @param resumed the step was already RUNNING: an earlier run started and its outcome was never recorded (the
 *     process died, or its database session did), so it may have taken effect in NinjaOne
 * @param startBy the lease this worker holds ends then; a run that has not started by then must not start
 */
public record Work(
    UUID sagaId,
    String clientId,
    Phase phase,
    StepName step,
    int attempt,
    FailureCode failureCode,
    boolean resumed,
    Instant startBy) {

  public Work withStartBy(Instant leaseEnd) {
    return new Work(sagaId, clientId, phase, step, attempt, failureCode, resumed, leaseEnd);
  }

  public enum Phase {
    FORWARD,
    COMPENSATE
  }
}
