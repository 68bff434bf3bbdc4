package org.msp.onboarding.harness;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A fresh, empty PostgreSQL database for one test run, on the first server that is available: the
 * configured one ({@code QUARKUS_DATASOURCE_JDBC_URL}), a Testcontainers container, or an embedded
 * PostgreSQL. Every run gets its own {@code onboarding_it_<random>} database, so runs never see
 * each other's rows. Needs PostgreSQL 13 or later (DROP DATABASE ... WITH (FORCE)).
 */
public final class TestDatabase implements AutoCloseable {

  /** Which of the three sources provided the server. */
  public enum Kind {
    CONFIGURED,
    CONTAINER,
    EMBEDDED
  }

  private static final String NAME_PREFIX = "onboarding_it_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PostgresServer server;
  private final String name;
  private final String jdbcUrl;
  private boolean closed;

  private TestDatabase(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
    this.jdbcUrl = JdbcUrls.withDatabase(server.adminUrl, name);
  }

  /** Finds or starts a server and creates a fresh database on it. */
  public static TestDatabase create() {
    PostgresServer server = locateServer();
    String name = NAME_PREFIX + Long.toUnsignedString(RANDOM.nextLong(), 36);
    try (Connection admin = server.connectAdmin();
        Statement st = admin.createStatement()) {
      // template0: nobody can be connected to it, whereas a session on template1 makes CREATE fail.
      st.execute("CREATE DATABASE " + name + " TEMPLATE template0");
    } catch (SQLException e) {
      closeQuietly(server);
      throw new IllegalStateException(
          "cannot create database " + name + " on " + server.description, e);
    }
    return new TestDatabase(server, name);
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String username() {
    return server.username;
  }

  public String password() {
    return server.password;
  }

  /** The database's name, {@code onboarding_it_<random>}. */
  public String databaseName() {
    return name;
  }

  public Kind kind() {
    return server.kind;
  }

  /** Which server this is: configured, container or embedded, and where. */
  public String description() {
    return server.description + ", database " + name;
  }

  /**
   * The datasource settings for a Quarkus process, as environment variables (they override the
   * config).
   */
  public Map<String, String> quarkusEnv() {
    return Map.of(
        "QUARKUS_DATASOURCE_JDBC_URL",
        jdbcUrl,
        "QUARKUS_DATASOURCE_USERNAME",
        username(),
        "QUARKUS_DATASOURCE_PASSWORD",
        password());
  }

  public Connection connect() throws SQLException {
    return server.connect(jdbcUrl);
  }

  /**
   * Ends every session on this database (as a DBA or a failover would), so a test can check that
   * the service's pool recovers. Runs from the server's admin database, so no session of its own is
   * hit.
   *
   * @return how many sessions were terminated
   */
  public int terminateConnections() throws SQLException {
    try (Connection admin = server.connectAdmin()) {
      // From PostgreSQL 14 the call waits until the backend is gone, so the fault is in place on
      // return.
      String terminate =
          admin.getMetaData().getDatabaseMajorVersion() >= 14
              ? "pg_terminate_backend(pid, 5000)"
              : "pg_terminate_backend(pid)";
      try (PreparedStatement ps =
          admin.prepareStatement(
              "SELECT count(*) FILTER (WHERE "
                  + terminate
                  + ") FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    }
  }

  /**
   * Drops the database (ending any sessions still on it), then stops the server if this run started
   * it.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (Connection admin = server.connectAdmin();
        Statement st = admin.createStatement()) {
      // WITH (FORCE): a service process that is still shutting down must not keep the database
      // alive.
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot drop database " + name + " on " + server.description, e);
    } finally {
      closeQuietly(server);
    }
  }

  @Override
  public String toString() {
    return description();
  }

  private static PostgresServer locateServer() {
    String url = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL", null);
    if (url != null && !url.isBlank()) {
      return PostgresServer.configured(
          url,
          setting("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME", "postgres"),
          setting("quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD", ""));
    }
    if (dockerAvailable()) {
      return ContainerPostgres.start();
    }
    return PostgresServer.embedded();
  }

  /** The system property wins over the environment variable, as in Quarkus' own config ordering. */
  private static String setting(String property, String envVariable, String fallback) {
    String value = System.getProperty(property);
    if (value == null) {
      value = System.getenv(envVariable);
    }
    return value != null ? value : fallback;
  }

  /** Guarded: with Testcontainers missing from the classpath this is false rather than an error. */
  private static boolean dockerAvailable() {
    try {
      return ContainerPostgres.dockerAvailable();
    } catch (LinkageError e) {
      return false;
    }
  }

  private static void closeQuietly(PostgresServer server) {
    try {
      server.close();
    } catch (Exception e) {
      System.err.println("[harness] cannot stop " + server.description + ": " + e);
    }
  }
}
