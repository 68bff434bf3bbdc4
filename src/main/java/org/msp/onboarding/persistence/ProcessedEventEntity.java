package org.msp.onboarding.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An eventId already accepted: its redelivery is a no-op. */
@Entity
@Table(name = "processed_event")
public class ProcessedEventEntity extends PanacheEntityBase {
  @Id public String eventId;
  public UUID sagaId;
  public Instant receivedAt;
}
