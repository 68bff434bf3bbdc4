package org.msp.onboarding.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What an operator must finish by hand after a rollback: NinjaOne cannot delete an organization.
 */
@Entity
@Table(name = "cleanup_task")
public class CleanupTaskEntity extends PanacheEntityBase {
  @Id public UUID id;
  public UUID sagaId;
  public long organizationId;
  public String description;
  public String status;
  public Instant createdAt;
}
