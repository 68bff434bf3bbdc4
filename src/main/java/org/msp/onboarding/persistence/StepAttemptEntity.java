package org.msp.onboarding.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** History: one run of a step or of its compensation. */
@Entity
@Table(name = "step_attempt")
public class StepAttemptEntity extends PanacheEntityBase {
  /**
   * Assigned by the column's default (step_attempt_id_seq): the rows are inserted by {@link
   * PendingRows} only; this entity reads the history. Several instances interleave their ids:
   * history is shown in recordedAt order.
   */
  @Id public Long id;

  public UUID sagaId;
  public String stepName;
  public String phase;
  public int attempt;
  public String outcome;
  public String error;
  public Instant recordedAt;
}
