package org.msp.onboarding.ninjaone.budget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.msp.onboarding.saga.RemoteCallException;

/**
 * The tenant's slots in PostgreSQL, the one thing every instance already shares (table
 * ninjaone_request_budget, one row per tenant). A reservation is one UPDATE in its own autocommit
 * transaction: one round trip for a whole batch. The row's next free slot only ever moves forward,
 * by the spacing per slot, so no two slots of any instances are closer than the spacing. Times are
 * on the database's clock; a batch is mapped to this JVM's clock with the database's time read at
 * the end of the statement ({@link ClockOffset}), so instances need no synchronised clocks.
 */
public final class TenantSlotTable implements SlotSource {
  private static final String NOW_US = "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint";

  /**
   * Locks the row first (FOR UPDATE), so the new rate and slots are computed from the latest
   * committed ones; raises the rate by a step when it is below the budget and neither cut nor
   * raised for a while.
   */
  private static final String RESERVE =
      "WITH cur AS (SELECT b.tenant, b.next_slot_us, c.now_us, CASE"
          + " WHEN b.rate < ? AND c.now_us - greatest(b.cut_at_us, b.raised_at_us) >= ? THEN least(?, b.rate + ?)"
          + " ELSE least(?, b.rate) END AS rate"
          + " FROM ninjaone_request_budget b, (SELECT "
          + NOW_US
          + " AS now_us) c WHERE b.tenant = ? FOR UPDATE OF b)"
          + " UPDATE ninjaone_request_budget b SET"
          + " raised_at_us = CASE WHEN cur.rate > b.rate THEN cur.now_us ELSE b.raised_at_us END, rate = cur.rate,"
          + " next_slot_us = greatest(cur.next_slot_us, cur.now_us) + ? * round(1000000 / (cur.rate * ?))::bigint"
          + " FROM cur WHERE b.tenant = cur.tenant"
          + " RETURNING greatest(cur.next_slot_us, cur.now_us), round(1000000 / (cur.rate * ?))::bigint, cur.rate, "
          + NOW_US;

  /** At most one cut per cool-down, however many calls were throttled together. */
  private static final String CUT =
      "UPDATE ninjaone_request_budget SET rate = greatest(?, least(?, rate) * ?), cut_at_us = c.now_us"
          + " FROM (SELECT "
          + NOW_US
          + " AS now_us) c WHERE tenant = ? AND c.now_us - cut_at_us >= ?";

  private static final String CREATE =
      "INSERT INTO ninjaone_request_budget (tenant, next_slot_us, rate, cut_at_us, raised_at_us)"
          + " VALUES (?, 0, ?, 0, 0) ON CONFLICT (tenant) DO NOTHING";

  private final DataSource dataSource;
  private final String tenant;
  private final Aimd aimd;
  private final ClockOffset clock = new ClockOffset();

  /** {@code tenant}: the NinjaOne base URL, the same for every instance talking to one tenant. */
  public TenantSlotTable(DataSource dataSource, String tenant, Aimd aimd) {
    this.dataSource = dataSource;
    this.tenant = tenant;
    this.aimd = aimd;
  }

  @Override
  public SlotBatch reserve(int wanted) {
    try (Connection connection = dataSource.getConnection()) {
      SlotBatch batch = reserve(connection, wanted);
      if (batch == null) {
        create(connection);
        batch = reserve(connection, wanted);
      }
      return batch;
    } catch (SQLException e) {
      // Without its slots no call may go: the step waits and is retried like any other transient
      // failure.
      throw new RemoteCallException(
          RemoteCallException.Kind.TRANSIENT,
          0,
          "NinjaOne request budget unavailable: " + e.getMessage(),
          null);
    }
  }

  @Override
  public void throttled() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement cut = connection.prepareStatement(CUT)) {
      cut.setDouble(1, aimd.floor());
      cut.setDouble(2, aimd.budget());
      cut.setDouble(3, aimd.cutFactor());
      cut.setString(4, tenant);
      cut.setLong(5, micros(aimd.cutCooldown()));
      cut.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot lower the NinjaOne request rate: " + e.getMessage(), e);
    }
  }

  private SlotBatch reserve(Connection connection, int wanted) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(RESERVE)) {
      update.setDouble(1, aimd.budget());
      update.setLong(2, micros(aimd.raiseEvery()));
      update.setDouble(3, aimd.budget());
      update.setDouble(4, aimd.raiseStep());
      update.setDouble(5, aimd.budget());
      update.setString(6, tenant);
      update.setInt(7, wanted);
      update.setDouble(8, SlotBatch.PACE);
      update.setDouble(9, SlotBatch.PACE);
      try (ResultSet row = update.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        long receivedNanos = System.nanoTime();
        long firstNanos = clock.localNanos(row.getLong(1), row.getLong(4), receivedNanos);
        return new SlotBatch(firstNanos, row.getLong(2) * 1000, wanted, row.getDouble(3));
      }
    }
  }

  private void create(Connection connection) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(CREATE)) {
      insert.setString(1, tenant);
      insert.setDouble(2, aimd.budget());
      insert.executeUpdate();
    }
  }

  private static long micros(java.time.Duration duration) {
    return duration.toNanos() / 1000;
  }
}
