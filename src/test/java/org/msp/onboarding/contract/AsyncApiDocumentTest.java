package org.msp.onboarding.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.tools.RequiresTool;
import org.msp.onboarding.harness.tools.Tool;

/**
 * The AsyncAPI document is one the AsyncAPI initiative's own parser (@asyncapi/parser, pinned in
 * src/test/asyncapi-check) reads without an error, the payload schemas it references included: no
 * Java library validates AsyncAPI 3.
 */
@RequiresTool({Tool.NODE, Tool.NPM})
class AsyncApiDocumentTest {
  private static final Path CHECK = Path.of("src/test/asyncapi-check");
  private static final Path WORK = Path.of("target/asyncapi-check");

  @Test
  void theAsyncApiParserReadsTheDocumentWithoutAnError() throws Exception {
    installParser();
    Path document = ContractSchemas.FOLDER.resolve(ContractDocuments.ASYNCAPI).toAbsolutePath();
    Result result = run(List.of(Tool.NODE.path().toString(), "check.mjs", document.toString()));
    assertEquals(0, result.exit(), "the AsyncAPI parser's errors:\n" + result.output());
  }

  /** npm ci into target/, once per lock file: later runs reuse the installed parser. */
  private static void installParser() throws Exception {
    Files.createDirectories(WORK);
    Path lock = WORK.resolve("package-lock.json");
    boolean installed =
        Files.exists(WORK.resolve("node_modules/@asyncapi/parser"))
            && Files.exists(lock)
            && Files.mismatch(lock, CHECK.resolve("package-lock.json")) == -1;
    for (String file : List.of("package.json", "package-lock.json", "check.mjs")) {
      Files.copy(CHECK.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!installed) {
      Result npm =
          run(
              List.of(
                  Tool.NPM.path().toString(), "ci", "--no-audit", "--no-fund", "--ignore-scripts"));
      assertEquals(0, npm.exit(), "npm ci of the AsyncAPI parser failed:\n" + npm.output());
    }
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Path output = Files.createTempFile("asyncapi-check", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(WORK.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(300, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("timed out after 300 s: " + String.join(" ", command));
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
