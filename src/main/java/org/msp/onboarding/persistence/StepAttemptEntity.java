package org.msp.onboarding.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** History: one run of a step or of its compensation. */
@Entity
@Table(name = "step_attempt")
public class StepAttemptEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public UUID sagaId;
  public String stepName;
  public String phase;
  public int attempt;
  public String outcome;
  public String error;
  public Instant recordedAt;
}
