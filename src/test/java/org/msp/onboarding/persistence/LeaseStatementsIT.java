package org.msp.onboarding.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.TestDatabase;
import org.msp.onboarding.persistence.LeaseStatements.Lease;

/**
 * The lease statements on a real PostgreSQL database with the service's schema: the fencing epoch
 * at work.
 */
class LeaseStatementsIT {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static TestDatabase database;
  private Connection c;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.create();
    Flyway.configure()
        .dataSource(database.jdbcUrl(), database.username(), database.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @BeforeEach
  void connect() throws SQLException {
    c = database.connect();
    c.createStatement().execute("DELETE FROM saga");
  }

  @AfterEach
  void disconnect() throws SQLException {
    c.close();
  }

  private UUID dueSaga() throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO saga (id, event_id, client_id, organization_name,"
                + " status, request, data, steps, next_attempt_at, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'Org', 'RUNNING', '{}', '{}', '[]', now(), now(), now())")) {
      insert.setObject(1, id);
      insert.setString(2, "evt-" + id);
      insert.setString(3, "client-" + id);
      insert.executeUpdate();
    }
    return id;
  }

  private void expireLease(UUID id) throws SQLException {
    update("UPDATE saga SET lease_until = now() - interval '1 second' WHERE id = ?", id);
  }

  private void update(String sql, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, id);
      ps.executeUpdate();
    }
  }

  private Object column(UUID id, String column) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + column + " FROM saga WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet row = ps.executeQuery()) {
        row.next();
        return row.getObject(1);
      }
    }
  }

  private Lease claimOne(String owner) throws SQLException {
    List<Lease> leases = LeaseStatements.claimDue(c, owner, 1, LEASE, Set.of());
    assertEquals(1, leases.size(), "one due saga to claim");
    return leases.get(0);
  }

  @Test
  void eachClaimTakesTheNextEpoch() throws SQLException {
    UUID id = dueSaga();
    assertEquals(new Lease(id, 1), claimOne("a"));
    expireLease(id);
    assertEquals(new Lease(id, 2), claimOne("b"));
  }

  @Test
  void claimSkipsTheSagasItsInstanceIsStillDrivingEvenWhenTheirLeaseExpired() throws SQLException {
    UUID id = dueSaga();
    claimOne("a");
    expireLease(id);
    assertEquals(List.of(), LeaseStatements.claimDue(c, "a", 5, LEASE, Set.of(id)));
    assertEquals(
        List.of(new Lease(id, 2)),
        LeaseStatements.claimDue(c, "a", 5, LEASE, Set.of(UUID.randomUUID())));
  }

  @Test
  void staleEpochOfTheSameOwnerCanNeitherRenewNorReleaseNorCountAFailedRecord()
      throws SQLException {
    UUID id = dueSaga();
    Lease stale = claimOne("a");
    expireLease(id);
    Lease current = claimOne("a"); // same instance, new claim: only the epoch tells the two apart
    Object until = column(id, "lease_until");

    assertEquals(0, LeaseStatements.renew(c, "a", Map.of(id, stale.epoch()), LEASE));
    assertFalse(LeaseStatements.release(c, "a", stale));
    assertNull(LeaseStatements.countRecordFailure(c, "a", stale, "refused", 3));
    assertEquals(until, column(id, "lease_until"));
    assertEquals("a", column(id, "lease_owner"));
    assertEquals(0, column(id, "record_failures"));

    assertEquals(1, LeaseStatements.renew(c, "a", Map.of(id, current.epoch()), LEASE));
    assertTrue(LeaseStatements.release(c, "a", current));
    assertNull(column(id, "lease_owner"));
  }

  @Test
  void thirdFailedRecordInARowHaltsTheSagaAndNoClaimTakesItAfterwards() throws SQLException {
    UUID id = dueSaga();
    for (int failure = 1; failure <= 3; failure++) {
      RecordFailures counted =
          LeaseStatements.countRecordFailure(c, "a", claimOne("a"), "check violated", 3);
      assertEquals(new RecordFailures(failure, failure == 3), counted);
      assertNull(column(id, "lease_owner"), "each failed record frees the lease");
    }
    assertEquals("check violated", column(id, "halted_reason"));
    assertEquals(List.of(), LeaseStatements.claimDue(c, "b", 5, LEASE, Set.of()));

    update(
        "UPDATE saga SET halted_reason = NULL, record_failures = 0 WHERE id = ?",
        id); // an operator's retry
    assertEquals(id, claimOne("b").sagaId());
  }

  @Test
  void releaseOnShutdownKeepsTheLeasesOfStepsStillRunning() throws SQLException {
    UUID running = dueSaga();
    UUID ended = dueSaga();
    assertEquals(2, LeaseStatements.claimDue(c, "a", 5, LEASE, Set.of()).size());
    assertEquals(1, LeaseStatements.releaseIdle(c, "a", Set.of(running)));
    assertEquals("a", column(running, "lease_owner"));
    assertNull(column(ended, "lease_owner"));
  }
}
