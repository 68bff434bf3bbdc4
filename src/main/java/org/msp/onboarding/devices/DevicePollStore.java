package org.msp.onboarding.devices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.msp.onboarding.devices.DeviceMatch.OpenTask;
import org.msp.onboarding.devices.OrganizationDevices.Device;

/**
 * The device job's transactions, each short and never spanning a NinjaOne call. One row per
 * organization with open tasks (table device_poll) says when its devices are read next; claiming
 * pushes that moment a lease ahead under FOR UPDATE SKIP LOCKED, so instances side by side never
 * read the same organization at once, and one that dies mid-read leaves it to another.
 */
@ApplicationScoped
public class DevicePollStore {
  private final EntityManager em;
  private final DeviceConfig config;

  public DevicePollStore(EntityManager em, DeviceConfig config) {
    this.em = em;
    this.config = config;
  }

  /** An organization claimed for a read, with the wait that led to it. */
  record Claimed(long organizationId, Duration interval) {}

  /**
   * Organizations that got open tasks are first read after the check interval; those left with none
   * are forgotten, with their waiting devices. Instances run this side by side: inserts come in one
   * order and deletions skip rows another holds, so two rounds never deadlock.
   */
  @Transactional
  public void schedule() {
    em.createNativeQuery(
            "INSERT INTO device_poll (organization_id, next_poll_at, interval_ms)"
                + " SELECT DISTINCT organization_id, now() + make_interval(secs => ?1), ?2"
                + " FROM agent_deployment_task WHERE status = 'PENDING' ORDER BY organization_id"
                + " ON CONFLICT (organization_id) DO NOTHING")
        .setParameter(1, seconds(config.checkInterval()))
        .setParameter(2, config.checkInterval().toMillis())
        .executeUpdate();
    em.createNativeQuery(
            "DELETE FROM device_poll WHERE organization_id IN (SELECT p.organization_id"
                + " FROM device_poll p WHERE NOT EXISTS (SELECT 1 FROM agent_deployment_task t"
                + " WHERE t.organization_id = p.organization_id AND t.status = 'PENDING')"
                + " FOR UPDATE SKIP LOCKED)")
        .executeUpdate();
    em.createNativeQuery(
            "DELETE FROM pending_device WHERE device_id IN (SELECT d.device_id FROM pending_device d"
                + " WHERE NOT EXISTS (SELECT 1 FROM agent_deployment_task t"
                + " WHERE t.organization_id = d.organization_id AND t.location_id = d.location_id"
                + " AND t.status = 'PENDING') FOR UPDATE SKIP LOCKED)")
        .executeUpdate();
  }

  /** Up to {@code limit} due organizations, each leased to the caller until the lease ends. */
  @Transactional
  public List<Claimed> claimDue(int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "UPDATE device_poll SET next_poll_at = now() + make_interval(secs => ?1)"
                    + " WHERE organization_id IN (SELECT organization_id FROM device_poll"
                    + " WHERE next_poll_at <= now() ORDER BY next_poll_at LIMIT ?2"
                    + " FOR UPDATE SKIP LOCKED) RETURNING organization_id, interval_ms")
            .setParameter(1, seconds(config.lease()))
            .setParameter(2, limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Claimed(
                    ((Number) r[0]).longValue(), Duration.ofMillis(((Number) r[1]).longValue())))
        .toList();
  }

  /**
   * Confirms the tasks the devices satisfy, keeps the waiting devices an operator must see, and
   * schedules the next read: soon after a change, later and later while nothing happens.
   *
   * @return how many tasks the devices confirmed
   */
  @Transactional
  public int record(Claimed claimed, List<Device> devices) {
    long org = claimed.organizationId();
    DeviceMatch.Result result = DeviceMatch.match(openTasks(org), usedDevices(org), devices);
    result.confirmed().forEach((task, device) -> confirm(task, device));
    boolean newWaiting = keepWaiting(org, result.waiting());
    boolean changed = !result.confirmed().isEmpty() || newWaiting;
    reschedule(org, backoff().next(claimed.interval(), changed), null);
    return result.confirmed().size();
  }

  /** The read failed: the organization waits longer, as after a read that found nothing. */
  @Transactional
  public void failed(Claimed claimed, String error) {
    reschedule(claimed.organizationId(), backoff().next(claimed.interval(), false), error);
  }

  /** After an operator's decision: read the organization's devices at the next round. */
  @Transactional
  public void readSoon(long organizationId) {
    em.createNativeQuery(
            "UPDATE device_poll SET next_poll_at = now(), interval_ms = ?2 WHERE organization_id = ?1")
        .setParameter(1, organizationId)
        .setParameter(2, config.checkInterval().toMillis())
        .executeUpdate();
  }

  private List<OpenTask> openTasks(long org) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, location_id, installer_type, node_role_id FROM agent_deployment_task"
                    + " WHERE organization_id = ?1 AND status = 'PENDING' ORDER BY created_at, id"
                    + " FOR UPDATE")
            .setParameter(1, org)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new OpenTask(
                    (UUID) r[0],
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).longValue()))
        .toList();
  }

  private Set<Long> usedDevices(long org) {
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "SELECT confirmed_device_id FROM agent_deployment_task"
                    + " WHERE organization_id = ?1 AND confirmed_device_id IS NOT NULL")
            .setParameter(1, org)
            .getResultList();
    Set<Long> used = new HashSet<>();
    ids.forEach(id -> used.add(id.longValue()));
    return used;
  }

  private void confirm(UUID task, long device) {
    em.createNativeQuery(
            "UPDATE agent_deployment_task SET status = 'DEPLOYED', confirmed_device_id = ?2,"
                + " confirmed_at = now(), updated_at = now() WHERE id = ?1 AND status = 'PENDING'")
        .setParameter(1, task)
        .setParameter(2, device)
        .executeUpdate();
  }

  /** Replaces the organization's waiting devices; true when one was not listed before. */
  private boolean keepWaiting(long org, List<Device> waiting) {
    List<Long> ids = waiting.stream().map(Device::id).toList();
    String others = ids.isEmpty() ? "" : " AND device_id NOT IN (?2)";
    var gone =
        em.createNativeQuery("DELETE FROM pending_device WHERE organization_id = ?1" + others);
    gone.setParameter(1, org);
    if (!ids.isEmpty()) {
      gone.setParameter(2, ids);
    }
    gone.executeUpdate();
    int added = 0;
    for (Device device : waiting) {
      added +=
          em.createNativeQuery(
                  "INSERT INTO pending_device (device_id, organization_id, location_id, node_class,"
                      + " display_name, first_seen_at) VALUES (?1, ?2, ?3, ?4, ?5, now())"
                      + " ON CONFLICT (device_id) DO NOTHING")
              .setParameter(1, device.id())
              .setParameter(2, org)
              .setParameter(3, device.locationId())
              .setParameter(4, device.nodeClass())
              .setParameter(5, device.displayName())
              .executeUpdate();
    }
    return added > 0;
  }

  private void reschedule(long org, Duration wait, String error) {
    em.createNativeQuery(
            "UPDATE device_poll SET next_poll_at = now() + make_interval(secs => ?2),"
                + " interval_ms = ?3, last_polled_at = now(), last_error = CAST(?4 AS text)"
                + " WHERE organization_id = ?1")
        .setParameter(1, org)
        .setParameter(2, seconds(wait))
        .setParameter(3, wait.toMillis())
        .setParameter(4, error == null ? null : trimmed(error))
        .executeUpdate();
  }

  private PollBackoff backoff() {
    return new PollBackoff(config.checkInterval(), config.maxCheckInterval());
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  private static String trimmed(String error) {
    return error.length() <= 500 ? error : error.substring(0, 500) + "...";
  }
}
