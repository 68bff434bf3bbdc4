package org.msp.onboarding.deadletters;

import java.time.Instant;
import java.util.List;

/** What the dead-letter API answers. */
public final class DeadLetterViews {
  private DeadLetterViews() {}

  /** Where the refused record was read (from the letter's dead-letter-* headers). */
  public record OriginView(String topic, Integer partition, Long offset) {}

  /** One replay of a letter: who, when, corrected or not, and where the request went. */
  public record ReplayView(
      String deadLetterId,
      String replayedBy,
      Instant replayedAt,
      boolean corrected,
      String eventId,
      Integer requestPartition,
      Long requestOffset) {}

  /**
   * A letter in the list. {@code clientId} is the record key; {@code replayOf} and {@code
   * replayOfBy} are set when the letter is itself a replay that was refused again; {@code
   * originalSize} when the letter keeps only the first bytes of a record too large for the topic.
   */
  public record DeadLetterView(
      String id,
      Instant deadLetteredAt,
      String clientId,
      String reasonCode,
      String reason,
      OriginView origin,
      String replayOf,
      String replayOfBy,
      String preview,
      int size,
      Integer originalSize,
      List<ReplayView> replays) {

    /** The latest replay, or null (the console's "replayed by X at T"). */
    public ReplayView lastReplay() {
      return replays.isEmpty() ? null : replays.get(replays.size() - 1);
    }

    static DeadLetterView of(DeadLetter letter, List<ReplayView> replays) {
      DeadLetter.Origin origin = letter.origin();
      return new DeadLetterView(
          letter.id().toString(),
          letter.deadLetteredAt(),
          letter.key(),
          letter.reasonCode(),
          letter.reason(),
          new OriginView(origin.topic(), origin.partition(), origin.offset()),
          letter.replayOf(),
          letter.replayedBy(),
          letter.preview(),
          letter.size(),
          letter.originalSize(),
          replays);
    }
  }

  /** A header of the letter, its value as UTF-8 text. */
  public record HeaderView(String name, String value) {}

  /**
   * One letter in full: its body as text ({@code body}), or as {@code bodyBase64} when it is not
   * UTF-8, and all its headers.
   */
  public record DeadLetterDetail(
      DeadLetterView deadLetter, String body, String bodyBase64, List<HeaderView> headers) {}

  public record DeadLetterPageInfo(boolean hasNextPage, String endCursor) {}

  public record DeadLetterPage(List<DeadLetterView> deadLetters, DeadLetterPageInfo pageInfo) {}
}
