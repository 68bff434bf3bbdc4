package org.msp.onboarding.harness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A PostgreSQL server of a test's own (embedded, zonky) that the test may stop and start again on
 * the same port and data: an outage as the service sees it, without touching the machine's shared
 * server that other tests use.
 */
public final class StoppablePostgres implements AutoCloseable {
  private final Path dataDir;
  private final Path logFile;
  private EmbeddedPostgres server;
  private int port;

  private StoppablePostgres(Path workDir) {
    ProcessSupport.createDirectories(workDir);
    this.dataDir = workDir.toAbsolutePath().resolve("postgres-data");
    this.logFile = workDir.toAbsolutePath().resolve("postgres.log");
  }

  public static StoppablePostgres start(Path workDir) {
    StoppablePostgres postgres = new StoppablePostgres(workDir);
    postgres.startServer();
    return postgres;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public Map<String, String> quarkusEnv() {
    return Map.of(
        "QUARKUS_DATASOURCE_JDBC_URL",
        jdbcUrl(),
        "QUARKUS_DATASOURCE_USERNAME",
        "postgres",
        "QUARKUS_DATASOURCE_PASSWORD",
        "");
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "");
  }

  /**
   * Stops the server (sessions are cut, as in a failover); the data stays for {@link
   * #startAgain()}.
   */
  public synchronized void stop() {
    EmbeddedPostgres running = server;
    server = null;
    if (running != null) {
      try {
        running.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
      }
    }
  }

  /** Starts the server again on the same port and data directory. */
  public synchronized void startAgain() {
    startServer();
  }

  @Override
  public void close() {
    stop();
  }

  private void startServer() {
    try {
      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      port = server.getPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL on " + dataDir, e);
    }
  }
}
