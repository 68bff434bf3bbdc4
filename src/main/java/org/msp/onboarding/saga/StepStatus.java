package org.msp.onboarding.saga;

public enum StepStatus {
  PENDING,
  RUNNING,
  WAITING_RETRY,
  SUCCEEDED,
  SKIPPED,
  FAILED,
  COMPENSATED
}
