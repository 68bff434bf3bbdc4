package org.msp.onboarding.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
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
  /**
   * The event's own id is the entity's identity, so inserts need no round trip for a generated key
   * and are sent in JDBC batches. The column {@code seq} (the relay's order) is assigned by the
   * database and read by the relay's own statement, so it is not mapped here.
   */
  @Id public UUID id;

  public UUID sagaId;
  public String clientId;
  public String type;

  @JdbcTypeCode(SqlTypes.JSON)
  public String payload;

  public Instant createdAt;
}
