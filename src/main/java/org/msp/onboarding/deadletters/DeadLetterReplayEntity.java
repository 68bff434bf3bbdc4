package org.msp.onboarding.deadletters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One replay of a dead letter by an operator. Written once, then only told where it landed. */
@Entity
@Table(name = "dead_letter_replay")
public class DeadLetterReplayEntity extends PanacheEntityBase {
  @Id public UUID id;
  public String deadLetterId;
  public Instant deadLetteredAt;
  public String clientId;
  public String reasonCode;
  public boolean corrected;
  public String eventId;
  public String replayedBy;
  public Instant replayedAt;
  public Integer requestPartition;
  public Long requestOffset;

  static DeadLetterReplayEntity of(
      DeadLetter letter, boolean corrected, String eventId, String operator, Instant now) {
    DeadLetterReplayEntity replay = new DeadLetterReplayEntity();
    replay.id = UUID.randomUUID();
    replay.deadLetterId = letter.id().toString();
    replay.deadLetteredAt = letter.deadLetteredAt();
    replay.clientId = letter.key();
    replay.reasonCode = letter.reasonCode();
    replay.corrected = corrected;
    replay.eventId = eventId;
    replay.replayedBy = operator;
    replay.replayedAt = now;
    return replay;
  }

  void landedAt(int partition, long offset) {
    requestPartition = partition;
    requestOffset = offset;
  }
}
