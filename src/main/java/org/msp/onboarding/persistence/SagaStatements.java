package org.msp.onboarding.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import org.msp.onboarding.saga.Saga;

/**
 * The saga row's writes on the caller's connection: a new saga's INSERT, and its later states as
 * one conditional UPDATE: a worker's copy is written only if it is still the stored revision and
 * the worker's lease is still the current one, so the hot path never reads the row back. Plain JDBC
 * for the reason {@link LeaseStatements} gives; the row is the one {@link SagaEntity} maps.
 */
final class SagaStatements {
  private static final String STATE =
      "UPDATE saga SET organization_name = ?, status = ?, data = ?::jsonb, steps = ?::jsonb,"
          + " organization_id = ?, failure_code = ?, failure_reason = ?, rollback_code = ?,"
          + " rollback_reason = ?, earlier_failure = ?, compensation_requested = ?,"
          + " next_attempt_at = ?, record_failures = ?, halted_reason = ?, updated_at = ?,"
          + " finished_at = ?, version = version + 1";

  private static final String BY_WORKER =
      STATE
          + ", lease_owner = ?, lease_until = ?"
          + " WHERE id = ? AND version = ? AND lease_owner = ? AND lease_epoch = ?";

  private static final String BY_OPERATOR = STATE + " WHERE id = ? AND version = ?";

  /** A new saga: the columns set once, then those of its state in {@link #bindState}'s order. */
  static final String INSERT =
      "INSERT INTO saga (id, saga_type, event_id, client_id, request, traceparent, created_at,"
          + " organization_name, status, data, steps, organization_id, failure_code,"
          + " failure_reason, rollback_code, rollback_reason, earlier_failure,"
          + " compensation_requested, next_attempt_at, record_failures, halted_reason,"
          + " updated_at, finished_at)"
          + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?)";

  /** A saga just started, with its JSON columns written. */
  record NewSaga(
      Saga.Snapshot state, String request, String data, String steps, String traceparent) {}

  static void bindNew(PreparedStatement insert, NewSaga saga) throws SQLException {
    Saga.Snapshot s = saga.state();
    insert.setObject(1, s.id());
    insert.setString(2, s.type());
    insert.setString(3, s.eventId());
    insert.setString(4, s.clientId());
    insert.setString(5, saga.request());
    insert.setString(6, saga.traceparent());
    setInstant(insert, 7, s.createdAt());
    bindState(insert, 8, s, saga.data(), saga.steps());
  }

  private SagaStatements() {}

  /**
   * The worker's write; {@code leaseUntil} null frees the lease. False when the row changed since
   * this copy was read (an operator acted) or the lease is no longer the worker's.
   */
  static boolean writeByWorker(
      Connection c, Saga.Snapshot s, String dataJson, String stepsJson, Lease lease)
      throws SQLException {
    try (PreparedStatement update = c.prepareStatement(BY_WORKER)) {
      int i = bindState(update, 1, s, dataJson, stepsJson);
      update.setString(i++, lease.until() == null ? null : lease.owner());
      setInstant(update, i++, lease.until());
      update.setObject(i++, s.id());
      update.setLong(i++, s.version());
      update.setString(i++, lease.owner());
      update.setLong(i, lease.epoch());
      return update.executeUpdate() == 1;
    }
  }

  /** An operator's write, under the row lock it took; the lease stays as it is. */
  static boolean writeByOperator(Connection c, Saga.Snapshot s, String dataJson, String stepsJson)
      throws SQLException {
    try (PreparedStatement update = c.prepareStatement(BY_OPERATOR)) {
      int i = bindState(update, 1, s, dataJson, stepsJson);
      update.setObject(i++, s.id());
      update.setLong(i, s.version());
      return update.executeUpdate() == 1;
    }
  }

  /** The lease a worker writes under: kept until {@code until}, or freed when that is null. */
  record Lease(String owner, long epoch, Instant until) {}

  /** Binds the state's columns from parameter {@code first} on; answers the next parameter. */
  private static int bindState(
      PreparedStatement update, int first, Saga.Snapshot s, String dataJson, String stepsJson)
      throws SQLException {
    int i = first;
    update.setString(i++, s.organizationName());
    update.setString(i++, s.status().name());
    update.setString(i++, dataJson);
    update.setString(i++, stepsJson);
    if (s.organizationId() == null) {
      update.setNull(i++, Types.BIGINT);
    } else {
      update.setLong(i++, s.organizationId());
    }
    update.setString(i++, s.failureCode() == null ? null : s.failureCode().name());
    update.setString(i++, s.failureReason());
    update.setString(i++, s.rollbackCode() == null ? null : s.rollbackCode().name());
    update.setString(i++, s.rollbackReason());
    update.setString(i++, s.earlierFailure());
    update.setBoolean(i++, s.compensationRequested());
    setInstant(update, i++, s.nextAttemptAt());
    update.setInt(i++, s.recordFailures());
    update.setString(i++, s.haltedReason());
    setInstant(update, i++, s.updatedAt());
    setInstant(update, i++, s.finishedAt());
    return i;
  }

  static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
    if (at == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, at.atOffset(ZoneOffset.UTC));
    }
  }
}
