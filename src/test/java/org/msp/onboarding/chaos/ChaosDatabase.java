package org.msp.onboarding.chaos;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.msp.onboarding.harness.TestDatabase;

/**
 * The run's own fresh database. Normally a {@link TestDatabase} (the configured server, else
 * Testcontainers, else an embedded one). When a PostgreSQL restart is asked for and no server is
 * configured, the run starts its own embedded (zonky) server on a data directory it keeps, because
 * only a server the run owns may be restarted: TestDatabase's embedded server deletes its data when
 * stopped, and the machine's server belongs to others.
 */
final class ChaosDatabase implements AutoCloseable {
  private static final String OWNED_DATABASE = "chaos";

  private final TestDatabase shared;
  private final Path dataDir;
  private final Path logFile;
  private volatile EmbeddedPostgres owned;
  private int ownedPort;
  private final String restartNote;

  private ChaosDatabase(TestDatabase shared, String restartNote) {
    this.shared = shared;
    this.dataDir = null;
    this.logFile = null;
    this.restartNote = restartNote;
  }

  private ChaosDatabase(Path dataDir, Path logFile) {
    this.shared = null;
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.restartNote = null;
  }

  static ChaosDatabase create(boolean wantRestart, Path workDir) {
    String configured =
        System.getProperty(
            "quarkus.datasource.jdbc.url", System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
    boolean isConfigured = configured != null && !configured.isBlank();
    if (wantRestart && !isConfigured) {
      ChaosDatabase db =
          new ChaosDatabase(workDir.resolve("postgres-data"), workDir.resolve("postgres.log"));
      db.startOwned(0);
      db.createOwnedDatabase();
      return db;
    }
    TestDatabase database = TestDatabase.create();
    String note =
        !wantRestart
            ? null
            : "PostgreSQL restart skipped: the run uses "
                + database.description()
                + ", which it does not own (unset QUARKUS_DATASOURCE_JDBC_URL to use an embedded server it can restart)";
    return new ChaosDatabase(database, note);
  }

  boolean restartable() {
    return shared == null;
  }

  /** Why a requested restart could not be done, or null. */
  String restartNote() {
    return restartNote;
  }

  String description() {
    return shared != null
        ? shared.description()
        : "embedded PostgreSQL (zonky, owned by the chaos run) on port "
            + ownedPort
            + ", database "
            + OWNED_DATABASE
            + ", data in "
            + dataDir;
  }

  String jdbcUrl() {
    return shared != null
        ? shared.jdbcUrl()
        : "jdbc:postgresql://127.0.0.1:" + ownedPort + "/" + OWNED_DATABASE;
  }

  Map<String, String> quarkusEnv() {
    return shared != null
        ? shared.quarkusEnv()
        : Map.of(
            "QUARKUS_DATASOURCE_JDBC_URL",
            jdbcUrl(),
            "QUARKUS_DATASOURCE_USERNAME",
            "postgres",
            "QUARKUS_DATASOURCE_PASSWORD",
            "");
  }

  Connection connect() throws SQLException {
    return shared != null
        ? shared.connect()
        : DriverManager.getConnection(jdbcUrl(), credentials());
  }

  /** pg_terminate_backend on every session of the run's database; returns how many were ended. */
  int terminateConnections() throws SQLException {
    if (shared != null) {
      return shared.terminateConnections();
    }
    try (Connection admin = DriverManager.getConnection(adminUrl(), credentials());
        PreparedStatement ps =
            admin.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000))"
                    + " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
      ps.setString(1, OWNED_DATABASE);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * Stops the owned server (pg_ctl stop -m fast: sessions are cut, as in a failover), keeps it down
   * for {@code downtime}, then starts it on the same port and data directory.
   */
  synchronized void restart(Duration downtime) throws InterruptedException {
    if (!restartable()) {
      throw new IllegalStateException(restartNote);
    }
    closeOwned();
    Thread.sleep(downtime.toMillis());
    startOwned(ownedPort);
  }

  @Override
  public synchronized void close() {
    if (shared != null) {
      shared.close();
      return;
    }
    closeOwned();
    deleteTree(dataDir);
  }

  private void startOwned(int port) {
    try {
      owned =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              // Kept across the restart: that is the point. close() deletes it at the end of the
              // run.
              .setCleanDataDirectory(false)
              .setPort(port)
              // The server's own log next to the services' logs, not through this JVM's logging.
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      ownedPort = owned.getPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL on " + dataDir, e);
    }
  }

  private void closeOwned() {
    EmbeddedPostgres pg = owned;
    owned = null;
    if (pg != null) {
      try {
        pg.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
      }
    }
  }

  private void createOwnedDatabase() {
    try (Connection admin = DriverManager.getConnection(adminUrl(), credentials());
        Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + OWNED_DATABASE + " TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + OWNED_DATABASE, e);
    }
  }

  private String adminUrl() {
    return "jdbc:postgresql://127.0.0.1:" + ownedPort + "/postgres";
  }

  private static Properties credentials() {
    Properties props = new Properties();
    props.setProperty("user", "postgres");
    return props;
  }

  private static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("[chaos] could not delete " + root + ": " + e);
    }
  }
}
