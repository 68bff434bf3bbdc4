package org.msp.onboarding.saga;

import java.util.UUID;
import org.msp.onboarding.saga.request.ClientRequest;

/**
 * What a step sees of its saga. The data is the saga's working copy: a step changes it, and the
 * change is stored together with the step's outcome.
 *
 * @param attempt 1 for the first run of this step (or of its compensation) whose outcome was
 *     recorded
 * @param resumed an earlier run of this step started and its outcome was never recorded
 */
public record StepContext(
    UUID sagaId,
    ClientRequest request,
    SagaData data,
    int attempt,
    FailureCode failureCode,
    boolean resumed) {

  /** True when an earlier run may have made something: a create must first look for it. */
  public boolean mayHaveRunBefore() {
    return attempt > 1 || resumed;
  }

  /** The marker stored in the organization's userData, to recognise what this saga created. */
  public static final String MARKER = "onboardingSagaId";

  public String marker() {
    return sagaId.toString();
  }
}
