package org.msp.onboarding.names;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.msp.onboarding.saga.OrganizationNames.Holder;

/**
 * The name index in PostgreSQL (V7): one short transaction per statement group, never across a
 * NinjaOne call.
 */
@ApplicationScoped
class PgNameRows implements NameRows {
  /**
   * Rows already present keep the newest scan number that saw them: a concurrent scan must not drop
   * them.
   */
  private static final String UPSERT =
      "INSERT INTO organization_name (organization_id, name_key, saga_marker, seen_in_scan)"
          + " SELECT u.id, u.name_key, u.marker, s.full_scan_number"
          + " FROM unnest(?::bigint[], ?::text[], ?::text[]) AS u(id, name_key, marker), organization_name_scan s"
          + " ON CONFLICT (organization_id) DO UPDATE SET name_key = EXCLUDED.name_key,"
          + " saga_marker = EXCLUDED.saga_marker,"
          + " seen_in_scan = GREATEST(organization_name.seen_in_scan, EXCLUDED.seen_in_scan)";

  private final AgroalDataSource dataSource;

  PgNameRows(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public boolean filled() {
    return queryLong(
            "SELECT CASE WHEN full_scan_completed_at IS NULL THEN 0 ELSE 1 END FROM organization_name_scan")
        == 1;
  }

  @Override
  public long refreshedThrough() {
    return queryLong("SELECT refreshed_through FROM organization_name_scan");
  }

  @Override
  public void storePage(List<Row> page, long lastId) {
    inTransaction(
        c -> {
          upsert(c, page);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE organization_name_scan SET refreshed_through = GREATEST(refreshed_through, ?)")) {
            ps.setLong(1, lastId);
            ps.executeUpdate();
          }
        });
  }

  @Override
  public List<Holder> holdersOf(String nameKey) {
    List<Holder> holders = new ArrayList<>();
    oneRead(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT organization_id, saga_marker FROM organization_name"
                      + " WHERE name_key = ? ORDER BY organization_id")) {
            ps.setString(1, nameKey);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                holders.add(new Holder(rs.getLong(1), rs.getString(2)));
              }
            }
          }
        });
    return holders;
  }

  @Override
  public Optional<Long> markedBy(String sagaMarker) {
    List<Long> ids = new ArrayList<>();
    oneRead(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT organization_id FROM organization_name"
                      + " WHERE saga_marker = ? ORDER BY organization_id LIMIT 1")) {
            ps.setString(1, sagaMarker);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
          }
        });
    return ids.stream().findFirst();
  }

  @Override
  public long beginFullScan() {
    return queryLong(
        "UPDATE organization_name_scan SET full_scan_number = full_scan_number + 1,"
            + " full_scan_claimed_until = now() + interval '15 minutes' RETURNING full_scan_number");
  }

  @Override
  public OptionalLong claimDueFullScan(Duration interval) {
    String sql =
        "UPDATE organization_name_scan SET full_scan_number = full_scan_number + 1,"
            + " full_scan_claimed_until = now() + interval '15 minutes'"
            + " WHERE (full_scan_claimed_until IS NULL OR full_scan_claimed_until < now())"
            + " AND (full_scan_completed_at IS NULL OR full_scan_completed_at < now() - make_interval(secs => ?))"
            + " RETURNING full_scan_number";
    long[] number = {-1};
    inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, interval.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                number[0] = rs.getLong(1);
              }
            }
          }
        });
    return number[0] < 0 ? OptionalLong.empty() : OptionalLong.of(number[0]);
  }

  @Override
  public void finishFullScan(long number, long lastId) {
    inTransaction(
        c -> {
          try (PreparedStatement delete =
                  c.prepareStatement(
                      "DELETE FROM organization_name WHERE seen_in_scan < ? AND organization_id <= ?");
              PreparedStatement done =
                  c.prepareStatement(
                      "UPDATE organization_name_scan"
                          + " SET full_scan_completed_at = now(), full_scan_claimed_until = NULL,"
                          + " refreshed_through = GREATEST(refreshed_through, ?)")) {
            delete.setLong(1, number);
            delete.setLong(2, lastId);
            delete.executeUpdate();
            done.setLong(1, lastId);
            done.executeUpdate();
          }
        });
  }

  static void upsert(Connection c, List<Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      ps.setArray(1, c.createArrayOf("bigint", rows.stream().map(Row::organizationId).toArray()));
      ps.setArray(2, c.createArrayOf("text", rows.stream().map(Row::nameKey).toArray()));
      ps.setArray(3, c.createArrayOf("text", rows.stream().map(Row::sagaMarker).toArray()));
      ps.executeUpdate();
    }
  }

  private long queryLong(String sql) {
    long[] value = {0};
    inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            value[0] = rs.getLong(1);
          }
        });
    return value[0];
  }

  private interface Work {
    void run(Connection connection) throws SQLException;
  }

  /** A single SELECT needs no transaction of its own: one round trip instead of two. */
  private void oneRead(Work work) {
    try (Connection c = dataSource.getConnection()) {
      work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("name index: " + e.getMessage(), e);
    }
  }

  private void inTransaction(Work work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("name index: " + e.getMessage(), e);
    }
  }
}
