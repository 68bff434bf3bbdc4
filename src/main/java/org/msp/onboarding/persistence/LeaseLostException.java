package org.msp.onboarding.persistence;

import java.util.UUID;

/**
 * Another instance took the saga over (our lease expired): our outcome is dropped, the step runs
 * again there.
 */
public class LeaseLostException extends RuntimeException {
  public LeaseLostException(UUID sagaId) {
    super("lease on saga " + sagaId + " was lost");
  }
}
