package org.msp.onboarding.harness.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;

class RequiredToolConditionTest {

  @Test
  void toolIsFoundInAnyDirectoryOfThePathButOnlyAsAnExecutableFile(@TempDir Path temp)
      throws IOException {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path kubectl = Files.createFile(bin.resolve("kubectl"));
    String searchPath = empty + File.pathSeparator + bin;

    assertEquals(Optional.empty(), Tool.KUBECTL.findIn(searchPath), "not executable yet");
    assertTrue(kubectl.toFile().setExecutable(true));
    assertEquals(Optional.of(kubectl), Tool.KUBECTL.findIn(searchPath));
    assertEquals(Optional.empty(), Tool.DOCKER_COMPOSE.findIn(searchPath));
  }

  @Test
  void missingToolSkipsWithOneLineNamingTheToolAndItsInstallCommand() {
    ConditionEvaluationResult result =
        RequiredToolCondition.verdict(List.of(Tool.DOCKER_COMPOSE), false);

    assertTrue(result.isDisabled());
    String reason = result.getReason().orElseThrow();
    assertEquals(
        "missing tool: 'docker-compose' is not on the PATH; install it: apt-get install docker-compose",
        reason);
    assertFalse(reason.contains("\n"), "one line");
  }

  @Test
  void missingToolFailsWithTheSameLineWhenToolsAreRequired() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> RequiredToolCondition.verdict(List.of(Tool.CHROMIUM, Tool.CHROMEDRIVER), true));

    assertTrue(
        failure
            .getMessage()
            .startsWith(
                "'chromium' is not on the PATH; install it: apt-get install"
                    + " chromium chromium-driver | 'chromedriver' is not on the PATH"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("tools.required=true"), failure.getMessage());
  }

  @Test
  void presentToolsRunTheTestEvenWhenToolsAreRequired() {
    assertFalse(RequiredToolCondition.verdict(List.of(), true).isDisabled());
  }
}
