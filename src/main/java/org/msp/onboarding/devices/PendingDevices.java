package org.msp.onboarding.devices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Devices waiting for approval at a location with an open agent-deployment task, as the device job
 * last read them from NinjaOne.
 */
@ApplicationScoped
public class PendingDevices {
  private static final String SELECT =
      "SELECT d.device_id, d.organization_id, d.location_id, d.node_class, d.display_name,"
          + " d.first_seen_at, (SELECT min(t.location_name) FROM agent_deployment_task t"
          + " WHERE t.organization_id = d.organization_id AND t.location_id = d.location_id)"
          + " FROM pending_device d";

  private final EntityManager em;

  public PendingDevices(EntityManager em) {
    this.em = em;
  }

  /** A waiting device as the API and the console show it. */
  public record PendingDevice(
      long deviceId,
      long organizationId,
      long locationId,
      String locationName,
      String nodeClass,
      String displayName,
      Instant firstSeenAt) {}

  /** The body of GET /api/v1/pending-devices. */
  public record PendingDeviceList(List<PendingDevice> devices) {}

  /** All waiting devices, or an organization's (null: every organization), oldest first. */
  @Transactional
  public List<PendingDevice> list(Long organizationId) {
    String where = organizationId == null ? "" : " WHERE d.organization_id = ?1";
    var query = em.createNativeQuery(SELECT + where + " ORDER BY d.first_seen_at, d.device_id");
    if (organizationId != null) {
      query.setParameter(1, organizationId);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(PendingDevices::device).toList();
  }

  @Transactional
  public Optional<PendingDevice> find(long deviceId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(SELECT + " WHERE d.device_id = ?1")
            .setParameter(1, deviceId)
            .getResultList();
    return rows.stream().findFirst().map(PendingDevices::device);
  }

  /** The decision is made: the device is no longer waiting (joins the caller's transaction). */
  @Transactional
  public void remove(long deviceId) {
    em.createNativeQuery("DELETE FROM pending_device WHERE device_id = ?1")
        .setParameter(1, deviceId)
        .executeUpdate();
  }

  private static PendingDevice device(Object[] r) {
    return new PendingDevice(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        ((Number) r[2]).longValue(),
        (String) r[6],
        (String) r[3],
        (String) r[4],
        instant(r[5]));
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }
}
