package org.msp.onboarding.harness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A reachable PostgreSQL server and the database to connect to for administration (CREATE/DROP
 * DATABASE), plus how to release it. {@link TestDatabase} creates its fresh database on top of one
 * of these.
 */
final class PostgresServer implements AutoCloseable {

  final TestDatabase.Kind kind;
  final String adminUrl;
  final String username;
  final String password;
  final String description;

  /** Stops whatever was started for the server; nothing for a configured one. */
  private final AutoCloseable release;

  PostgresServer(
      TestDatabase.Kind kind,
      String adminUrl,
      String username,
      String password,
      String description,
      AutoCloseable release) {
    this.kind = kind;
    this.adminUrl = adminUrl;
    this.username = username;
    this.password = password;
    this.description = description;
    this.release = release;
  }

  /** A server someone configured for the run; it is shared, so closing it does nothing. */
  static PostgresServer configured(String url, String username, String password) {
    return new PostgresServer(
        TestDatabase.Kind.CONFIGURED,
        url,
        username,
        password,
        "configured PostgreSQL at " + url,
        () -> {});
  }

  /**
   * Zonky's embedded PostgreSQL: real server binaries unpacked from a jar into a temporary data
   * dir. Its owner stops it, after what uses it: zonky's own shutdown hook would stop it at JVM
   * exit alongside the owner's, and so under a service that is still shutting down, or under the
   * owner's DROP DATABASE.
   */
  static PostgresServer embedded() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
      return new PostgresServer(
          TestDatabase.Kind.EMBEDDED,
          url,
          "postgres",
          "",
          "embedded PostgreSQL (zonky) on port " + pg.getPort(),
          pg::close);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }

  Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, credentials());
  }

  Connection connectAdmin() throws SQLException {
    return connect(adminUrl);
  }

  private Properties credentials() {
    Properties props = new Properties();
    props.setProperty("user", username);
    // No password property at all for trust auth: an empty one is still sent if the server asks.
    if (password != null && !password.isEmpty()) {
      props.setProperty("password", password);
    }
    return props;
  }

  @Override
  public void close() throws Exception {
    release.close();
  }
}
