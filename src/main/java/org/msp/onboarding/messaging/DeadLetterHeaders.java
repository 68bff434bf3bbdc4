package org.msp.onboarding.messaging;

/**
 * Header names of a dead letter (SmallRye's dead-letter strategy's, so tooling reads both alike)
 * and of a replayed request: the contract between the writer, the dead-letter list and the replay.
 */
public final class DeadLetterHeaders {
  /** Every header the dead-letter writer adds starts with this; a replay drops them. */
  public static final String PREFIX = "dead-letter-";

  public static final String REASON = "dead-letter-reason";

  /** The stable code of the reason ({@link DeadLetterReasonCode}), for filters and alerts. */
  public static final String REASON_CODE = "dead-letter-reason-code";

  public static final String TOPIC = "dead-letter-topic";
  public static final String PARTITION = "dead-letter-partition";
  public static final String OFFSET = "dead-letter-offset";

  /** Only on a letter cut to its first bytes: the size of the whole record. */
  public static final String ORIGINAL_SIZE = "dead-letter-original-size";

  /** On a replayed request: the dead letter it replays ("partition-offset" in the DLQ). */
  public static final String REPLAY_OF = "replay-of-dead-letter";

  /** On a replayed request: the operator who replayed it. */
  public static final String REPLAYED_BY = "replayed-by";

  private DeadLetterHeaders() {}
}
