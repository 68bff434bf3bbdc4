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
  public static final String DEPLOYED = "DEPLOYED";
  public static final String CANCELLED = "CANCELLED";
  public static final java.util.Set<String> STATUSES =
      java.util.Set.of(PENDING, DEPLOYED, CANCELLED);

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

  /** The NinjaOne device whose enrolment confirmed the task (null: not confirmed by a device). */
  public Long confirmedDeviceId;

  public Instant confirmedAt;

  /**
   * An operator's update: the agent was installed (DEPLOYED), or not yet (PENDING), or is not
   * wanted.
   */
  public void changeStatus(String newStatus, Instant now) {
    if (!DEPLOYED.equals(newStatus)) {
      confirmedDeviceId = null; // the operator's word replaces the device's
      confirmedAt = null;
    }
    status = newStatus;
    updatedAt = now;
  }

  public void cancel(Instant now) {
    status = CANCELLED;
    updatedAt = now;
  }
}
