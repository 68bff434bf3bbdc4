package org.msp.onboarding.saga;

public enum SagaStatus {
  RUNNING,
  COMPLETED,
  COMPENSATING,
  /** Rolled back, with the reason in failureCode/failureReason. */
  COMPENSATED,
  /** Could neither finish nor roll back: an operator must act. */
  FAILED;

  public static java.util.List<SagaStatus> activeStatuses() {
    return java.util.List.of(RUNNING, COMPENSATING);
  }

  public boolean isActive() {
    return this == RUNNING || this == COMPENSATING;
  }
}
