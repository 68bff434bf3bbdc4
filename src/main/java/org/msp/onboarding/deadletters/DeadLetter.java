package org.msp.onboarding.deadletters;

import java.time.Instant;

/**
 * One dead letter as the list shows it: the value is reduced to a preview when it is read, so a
 * page never holds the bodies of the letters it skipped.
 *
 * @param key the record key, i.e. the client id the publisher gave
 * @param originalSize the size of the whole record when the letter keeps only its first bytes
 * @param replayOf the dead letter this record replayed, when it was a replay that failed again
 */
public record DeadLetter(
    DeadLetterId id,
    Instant deadLetteredAt,
    String key,
    String reason,
    String reasonCode,
    Origin origin,
    String replayOf,
    String replayedBy,
    String preview,
    int size,
    Integer originalSize) {

  /** Where the refused record was read. */
  public record Origin(String topic, Integer partition, Long offset) {}

  public boolean truncated() {
    return originalSize != null;
  }
}
