package org.msp.onboarding.harness.tools;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opentest4j.TestAbortedException;

/**
 * A command-line tool that some checks need and a fresh machine may lack, with the way to install
 * it. The tests that use one carry {@link RequiresTool}: skipped when it is missing, failed instead
 * with {@code -Dtools.required=true} (what CI runs).
 */
public enum Tool {
  DOCKER_COMPOSE("docker-compose", "apt-get install docker-compose"),
  // Debian bookworm's kubernetes-client (1.20) is too old for the overlays; the script fetches a
  // kubectl 1.32.
  KUBECTL("kubectl", ".ci/install-kubectl (kubectl 1.27 or later, with its built-in kustomize v5)"),
  CHROMIUM("chromium", "apt-get install chromium chromium-driver"),
  CHROMEDRIVER("chromedriver", "apt-get install chromium chromium-driver"),
  // the AsyncAPI initiative's parser (npm) checks the event contract's AsyncAPI document
  NODE("node", "apt-get install nodejs npm (Node.js 18 or later)"),
  NPM("npm", "apt-get install nodejs npm (Node.js 18 or later)");

  private final String command;
  private final String install;

  Tool(String command, String install) {
    this.command = command;
    this.install = install;
  }

  public String command() {
    return command;
  }

  /** The executable on this process's PATH, if there is one. */
  public Optional<Path> find() {
    return findIn(System.getenv().getOrDefault("PATH", ""));
  }

  /**
   * The executable on the PATH. Tests say what they need with {@link RequiresTool}; one that forgot
   * to is still skipped here with the install line (or failed, in required mode) rather than failed
   * for a missing tool.
   */
  public Path path() {
    return find()
        .orElseThrow(
            () -> {
              if (Boolean.getBoolean(RequiredToolCondition.REQUIRED_PROPERTY)) {
                return new IllegalStateException(missing());
              }
              return new TestAbortedException(RequiredToolCondition.SKIP_PREFIX + missing());
            });
  }

  /** One line naming the tool and how to install it. */
  public String missing() {
    return "'" + command + "' is not on the PATH; install it: " + install;
  }

  Optional<Path> findIn(String searchPath) {
    for (String dir : searchPath.split(Pattern.quote(File.pathSeparator))) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
