package org.msp.onboarding.persistence;

/** A status event raised by a saga's state change; becomes one outbox row. */
public record SagaEvent(String type, String detail) {
  public static SagaEvent of(String type, String detail) {
    return new SagaEvent(type, detail);
  }
}
