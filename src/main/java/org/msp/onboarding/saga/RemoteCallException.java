package org.msp.onboarding.saga;

import java.time.Duration;

/**
 * A NinjaOne call that did not succeed, already classified; the saga rules never see HTTP types.
 */
public class RemoteCallException extends RuntimeException {

  public enum Kind {
    /** Worth retrying: connection, timeout, 408, 429, 5xx, a non-JSON answer. */
    TRANSIENT,
    /** 409: the change collides with existing state. */
    CONFLICT,
    /** Any other refusal; retrying cannot help. */
    PERMANENT
  }

  private final Kind kind;
  private final int status;
  private final Duration retryAfter;

  public RemoteCallException(Kind kind, int status, String message, Duration retryAfter) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public StepOutcome toOutcome() {
    return switch (kind) {
      case TRANSIENT -> new StepOutcome.RetryLater(getMessage(), retryAfter);
      case CONFLICT -> new StepOutcome.Failed(FailureCode.CONFLICT, getMessage());
      case PERMANENT -> new StepOutcome.Failed(FailureCode.REJECTED, getMessage());
    };
  }
}
