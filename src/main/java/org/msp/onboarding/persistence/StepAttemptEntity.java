package org.msp.onboarding.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** History: one run of a step or of its compensation. */
@Entity
@Table(name = "step_attempt")
public class StepAttemptEntity extends PanacheEntityBase {
  /**
   * Ids come from the table's sequence 50 at a time (V4), so a record's insert joins the
   * transaction's JDBC batch instead of costing a round trip of its own. Several instances
   * interleave their blocks: history is shown in recordedAt order.
   */
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "step_attempt_ids")
  @SequenceGenerator(
      name = "step_attempt_ids",
      sequenceName = "step_attempt_id_seq",
      allocationSize = 50)
  public Long id;

  public UUID sagaId;
  public String stepName;
  public String phase;
  public int attempt;
  public String outcome;
  public String error;
  public Instant recordedAt;
}
