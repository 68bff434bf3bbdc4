package org.msp.onboarding.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Proves TestDatabase on whatever server this run finds: with QUARKUS_DATASOURCE_JDBC_URL exported
 * it uses that server, without it (and without Docker) the embedded PostgreSQL.
 */
class TestDatabaseIT {

  /** PostgreSQL's SQLSTATE for "database does not exist". */
  private static final String INVALID_CATALOG_NAME = "3D000";

  @Test
  void freshDatabaseIsCreatedUsableAndDroppedOnClose() throws Exception {
    long started = System.nanoTime();
    TestDatabase db = TestDatabase.create();
    System.out.printf(
        "[harness] %s (create took %d ms)%n",
        db.description(), (System.nanoTime() - started) / 1_000_000);
    try {
      assertEquals(configuredRun(), db.kind() == TestDatabase.Kind.CONFIGURED, db.description());
      assertTrue(db.databaseName().startsWith("onboarding_it_"), db.databaseName());
      assertTrue(db.jdbcUrl().contains("/" + db.databaseName()), db.jdbcUrl());
      assertFreshAndUsable(db);
      assertTerminateEndsSessions(db);
    } finally {
      db.close();
    }
    db.close(); // a second close is harmless
    assertDropped(db);
  }

  @Test
  void jdbcUrlKeepsServerAndParameters() {
    assertEquals(
        "jdbc:postgresql://127.0.0.1:5432/x?sslmode=disable",
        JdbcUrls.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable", "x"));
    assertEquals(
        "jdbc:postgresql://h1:5432,h2:5433/x",
        JdbcUrls.withDatabase("jdbc:postgresql://h1:5432,h2:5433", "x"));
    assertEquals("jdbc:postgresql:x", JdbcUrls.withDatabase("jdbc:postgresql:postgres", "x"));
  }

  /** True when the run configured a server, so the configured one must have been used. */
  private static boolean configuredRun() {
    String url =
        System.getProperty(
            "quarkus.datasource.jdbc.url", System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
    return url != null && !url.isBlank();
  }

  private static void assertFreshAndUsable(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      assertEquals(db.databaseName(), single(st, "SELECT current_database()"));
      assertEquals("0", single(st, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
      st.execute("CREATE TABLE probe (id int PRIMARY KEY, note text NOT NULL)");
      st.execute("INSERT INTO probe VALUES (1, 'hello')");
      assertEquals("hello", single(st, "SELECT note FROM probe WHERE id = 1"));
    }
  }

  private static void assertTerminateEndsSessions(TestDatabase db) throws SQLException {
    try (Connection victim = db.connect();
        Statement st = victim.createStatement()) {
      assertEquals("1", single(st, "SELECT 1"));
      assertTrue(db.terminateConnections() >= 1);
      assertThrows(SQLException.class, () -> single(st, "SELECT 1"));
    }
    try (Connection again = db.connect();
        Statement st = again.createStatement()) {
      assertEquals("hello", single(st, "SELECT note FROM probe WHERE id = 1"));
    }
  }

  /** After close the database is gone; on a configured server the server itself still answers. */
  private static void assertDropped(TestDatabase db) {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()).close());
    if (db.kind() == TestDatabase.Kind.CONFIGURED) {
      assertEquals(INVALID_CATALOG_NAME, e.getSQLState(), e.toString());
    } else {
      assertNotEquals(INVALID_CATALOG_NAME, e.getSQLState(), "server should be stopped: " + e);
    }
  }

  private static String single(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
