package org.msp.onboarding.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL in a Docker container via Testcontainers. Kept in its own class so that the rest of
 * the harness never links Testcontainers classes unless a Docker engine is actually there.
 */
final class ContainerPostgres {

  static final String IMAGE = "postgres:15";

  private ContainerPostgres() {}

  /**
   * True only if Docker answers. Testcontainers probes several strategies and can take seconds to
   * give up, so without any sign of an engine (DOCKER_HOST, a socket, a Testcontainers config) this
   * is false at once.
   */
  static boolean dockerAvailable() {
    if (!anyDockerHint()) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  static PostgresServer start() {
    PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
    container.start();
    return new PostgresServer(
        TestDatabase.Kind.CONTAINER,
        container.getJdbcUrl(),
        container.getUsername(),
        container.getPassword(),
        "Testcontainers " + IMAGE + " at " + container.getJdbcUrl(),
        container::stop);
  }

  private static boolean anyDockerHint() {
    if (System.getenv("DOCKER_HOST") != null) {
      return true;
    }
    String home = System.getProperty("user.home");
    List<Path> candidates =
        new ArrayList<>(
            List.of(
                Paths.get("/var/run/docker.sock"),
                Paths.get(home, ".testcontainers.properties"),
                Paths.get(home, ".docker", "run", "docker.sock"),
                Paths.get(home, ".docker", "desktop", "docker.sock")));
    String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
    if (runtimeDir != null) {
      candidates.add(Paths.get(runtimeDir, "docker.sock"));
    }
    return candidates.stream().anyMatch(Files::exists);
  }
}
