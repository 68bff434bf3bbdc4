package org.msp.onboarding.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A status event waiting to be relayed to client-onboarding-events. */
@Entity
@Table(name = "outbox_event")
public class OutboxEventEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long seq;

  public UUID id;
  public UUID sagaId;
  public String clientId;
  public String type;

  @JdbcTypeCode(SqlTypes.JSON)
  public String payload;

  public Instant createdAt;
}
