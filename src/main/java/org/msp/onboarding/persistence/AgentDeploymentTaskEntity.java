package org.msp.onboarding.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An agent to install at one location, with the installer link NinjaOne generated. */
@Entity
@Table(name = "agent_deployment_task")
public class AgentDeploymentTaskEntity extends PanacheEntityBase {
  public static final String PENDING = "PENDING";
  public static final String CANCELLED = "CANCELLED";

  @Id public UUID id;
  public UUID sagaId;
  public long organizationId;
  public long locationId;
  public String locationName;
  public String installerType;
  public Long nodeRoleId;
  public String installerUrl;
  public String status;
  public Instant createdAt;
  public Instant updatedAt;

  public void cancel(Instant now) {
    status = CANCELLED;
    updatedAt = now;
  }
}
