package org.msp.onboarding.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The lease statements, run on the caller's connection (and so in its transaction). Plain JDBC:
 * through Hibernate a native query added an entry to its query-plan cache on every call, and the
 * claim is the runner's hottest SQL. Each claim takes the next lease epoch; renewing, releasing and
 * counting a failed record all name the epoch the worker holds, so a worker whose claim was
 * superseded (its lease expired and the saga was claimed again) changes nothing.
 */
final class LeaseStatements {
  /** A saga's lease as one claim took it. */
  record Lease(UUID sagaId, long epoch) {}

  /** The claim answers the whole row: the worker needs no read of its own. */
  private static final String CLAIM_DUE =
      "UPDATE saga SET lease_owner = ?, lease_until = now() + make_interval(secs => ?), lease_epoch = lease_epoch + 1"
          + " WHERE id IN (SELECT id FROM saga WHERE status IN ('RUNNING', 'COMPENSATING') AND next_attempt_at <= now()"
          + " AND (lease_until IS NULL OR lease_until < now()) AND halted_reason IS NULL AND NOT (id = ANY(?))"
          + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING *";

  private static final String RENEW =
      "UPDATE saga s SET lease_until = now() + make_interval(secs => ?) FROM unnest(?::uuid[], ?::bigint[])"
          + " AS held(id, epoch) WHERE s.id = held.id AND s.lease_epoch = held.epoch AND s.lease_owner = ?";

  private static final String RELEASE =
      "UPDATE saga SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND lease_epoch = ?";

  private static final String RELEASE_IDLE =
      "UPDATE saga SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND NOT (id = ANY(?))";

  private static final String COUNT_RECORD_FAILURE =
      "UPDATE saga SET record_failures = record_failures + 1,"
          + " halted_reason = CASE WHEN record_failures + 1 >= ? THEN ? ELSE halted_reason END,"
          + " lease_owner = NULL, lease_until = NULL, version = version + 1"
          + " WHERE id = ? AND lease_owner = ? AND lease_epoch = ? RETURNING record_failures, halted_reason IS NOT NULL";

  private LeaseStatements() {}

  /**
   * Leases up to {@code limit} due sagas, never one in {@code busy}; SKIP LOCKED lets instances
   * claim side by side.
   */
  static List<Lease> claimDue(
      Connection c, String owner, int limit, Duration lease, Collection<UUID> busy)
      throws SQLException {
    return claimDue(
        c,
        owner,
        limit,
        lease,
        busy,
        row -> new Lease(row.getObject("id", UUID.class), row.getLong("lease_epoch")));
  }

  /** Reads one claimed row. */
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** As above, each claimed row read by {@code reader}. */
  static <T> List<T> claimDue(
      Connection c,
      String owner,
      int limit,
      Duration lease,
      Collection<UUID> busy,
      RowReader<T> reader)
      throws SQLException {
    try (PreparedStatement claim = c.prepareStatement(CLAIM_DUE)) {
      claim.setString(1, owner);
      claim.setDouble(2, seconds(lease));
      claim.setArray(3, c.createArrayOf("uuid", busy.toArray()));
      claim.setInt(4, limit);
      List<T> claimed = new ArrayList<>();
      try (ResultSet rows = claim.executeQuery()) {
        while (rows.next()) {
          claimed.add(reader.read(rows));
        }
      }
      return claimed;
    }
  }

  /**
   * Extends the leases this owner still holds at the given epochs; returns how many it extended.
   */
  static int renew(Connection c, String owner, Map<UUID, Long> held, Duration lease)
      throws SQLException {
    try (PreparedStatement renew = c.prepareStatement(RENEW)) {
      List<Map.Entry<UUID, Long>> leases =
          List.copyOf(held.entrySet()); // one order for both arrays
      renew.setDouble(1, seconds(lease));
      renew.setArray(2, c.createArrayOf("uuid", leases.stream().map(Map.Entry::getKey).toArray()));
      renew.setArray(
          3, c.createArrayOf("bigint", leases.stream().map(Map.Entry::getValue).toArray()));
      renew.setString(4, owner);
      return renew.executeUpdate();
    }
  }

  /** Frees the lease if this owner still holds it at this epoch. */
  static boolean release(Connection c, String owner, Lease lease) throws SQLException {
    try (PreparedStatement release = c.prepareStatement(RELEASE)) {
      release.setObject(1, lease.sagaId());
      release.setString(2, owner);
      release.setLong(3, lease.epoch());
      return release.executeUpdate() == 1;
    }
  }

  /**
   * Frees every lease this owner holds except on the sagas it is still driving: no step of the
   * others runs here, whatever their epoch. Returns how many it freed.
   */
  static int releaseIdle(Connection c, String owner, Collection<UUID> driving) throws SQLException {
    try (PreparedStatement release = c.prepareStatement(RELEASE_IDLE)) {
      release.setString(1, owner);
      release.setArray(2, c.createArrayOf("uuid", driving.toArray()));
      return release.executeUpdate();
    }
  }

  /**
   * Counts an outcome that could not be recorded and frees the lease; the {@code haltAt}-th in a
   * row halts the saga with {@code reason}. Null when the lease was no longer ours: the current
   * holder's record counts instead.
   */
  static RecordFailures countRecordFailure(
      Connection c, String owner, Lease lease, String reason, int haltAt) throws SQLException {
    try (PreparedStatement count = c.prepareStatement(COUNT_RECORD_FAILURE)) {
      count.setInt(1, haltAt);
      count.setString(2, reason);
      count.setObject(3, lease.sagaId());
      count.setString(4, owner);
      count.setLong(5, lease.epoch());
      try (ResultSet row = count.executeQuery()) {
        return row.next() ? new RecordFailures(row.getInt(1), row.getBoolean(2)) : null;
      }
    }
  }

  private static double seconds(Duration lease) {
    return lease.toMillis() / 1000.0;
  }
}
