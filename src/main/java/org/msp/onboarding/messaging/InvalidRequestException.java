package org.msp.onboarding.messaging;

/** A record that cannot become a saga; its message is the dead-letter reason a person acts on. */
public class InvalidRequestException extends RuntimeException {
  public InvalidRequestException(String reason) {
    super(reason);
  }
}
