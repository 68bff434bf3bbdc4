package org.msp.onboarding.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs {@code kafka.tools.StorageTool} from the broker's jars, as {@code kafka-storage.sh} does.
 */
final class KafkaStorageTool {

  /** A Kafka cluster id: 16 random bytes in URL-safe base64 without padding. */
  private static final Pattern CLUSTER_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

  private static final long TOOL_TIMEOUT_SECONDS = 60;

  private final Path libDir;
  private final Path log4jConfig;
  private final Path logFile;

  KafkaStorageTool(Path libDir, Path log4jConfig, Path logFile) {
    this.libDir = libDir;
    this.log4jConfig = log4jConfig;
    this.logFile = logFile;
  }

  /** {@code random-uuid}: a new cluster id. */
  String randomUuid() {
    String output = run("random-uuid").trim();
    String[] lines = output.split("\\R");
    String id = lines[lines.length - 1].trim();
    if (!CLUSTER_ID.matcher(id).matches()) {
      throw new IllegalStateException("StorageTool random-uuid printed no cluster id: " + output);
    }
    return id;
  }

  /**
   * {@code format -t <id> -c <config>}: writes meta.properties and the bootstrap checkpoint into
   * log.dirs; with a SCRAM user, {@code --add-scram} stores its SCRAM-SHA-512 credential in the
   * cluster's first metadata.
   */
  void format(String clusterId, Path config, ScramUser user) {
    List<String> args =
        new ArrayList<>(List.of("format", "-t", clusterId, "-c", config.toString()));
    if (user != null) {
      args.addAll(
          List.of(
              "--add-scram",
              "SCRAM-SHA-512=[name=" + user.name() + ",password=" + user.password() + "]"));
    }
    run(args.toArray(new String[0]));
  }

  /**
   * Runs the tool and returns its standard output. Its logging goes to standard error and from
   * there to the broker log, so no log line can end up in the cluster id.
   */
  private String run(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessSupport.javaExecutable(),
                "-Xmx256m",
                "-Dlog4j.configuration=file:" + log4jConfig,
                "-cp",
                libDir + "/*",
                "kafka.tools.StorageTool"));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      // The output is a line or two, so reading it all before waiting cannot block the tool.
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        ProcessSupport.kill(process);
        throw new IllegalStateException("StorageTool " + args[0] + " did not finish");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "StorageTool "
                + String.join(" ", args)
                + " failed with code "
                + process.exitValue()
                + ": "
                + output
                + "\n"
                + ProcessSupport.tail(logFile, 30));
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run StorageTool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running StorageTool", e);
    }
  }
}
