package org.msp.onboarding.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real single-node KRaft Apache Kafka broker running as a child JVM, so a test can kill and
 * restart it. The broker's jars live in their own directory (system property {@code
 * kafka.broker.lib}) and never share a classpath with the tests or the service.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

  static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final long STOP_GRACE_SECONDS = 30;
  private static final int TAIL_LINES = 60;

  private final Path workDir;
  private final Path libDir;
  private final int port;
  private final int controllerPort;
  private final int scramPort;
  private final ScramUser scramUser;
  private final Path logFile;
  private final Thread shutdownHook;
  private volatile Process process;

  private KafkaBrokerProcess(Path workDir, Path libDir, int[] ports, ScramUser scramUser) {
    this.workDir = workDir;
    this.libDir = libDir;
    this.port = ports[0];
    this.controllerPort = ports[1];
    this.scramPort = scramUser == null ? 0 : ports[2];
    this.scramUser = scramUser;
    this.logFile = workDir.resolve("kafka.log");
    this.shutdownHook = ProcessSupport.killOnExit("kafka-broker-" + port, () -> process);
  }

  /**
   * Formats fresh storage under {@code workDir}, starts the broker on free ports and waits until it
   * answers.
   */
  public static KafkaBrokerProcess start(Path workDir) {
    return start(workDir, null);
  }

  /**
   * As {@link #start(Path)}, plus a listener that only lets in {@code scramUser} (SASL
   * SCRAM-SHA-512): clients that must prove the service's Kafka security settings use {@link
   * #scramBootstrapServers()}; the harness itself keeps the plain listener.
   */
  public static KafkaBrokerProcess start(Path workDir, ScramUser scramUser) {
    Path lib = brokerLib();
    ProcessSupport.createDirectories(workDir);
    int[] ports = ProcessSupport.freePorts(3);
    KafkaBrokerProcess broker =
        new KafkaBrokerProcess(workDir.toAbsolutePath(), lib, ports, scramUser);
    try {
      broker.prepareStorage();
      broker.launchAndAwait();
      return broker;
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  /** {@code 127.0.0.1:<port>}; stays the same across {@link #restart()}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** {@code 127.0.0.1:<port>} of the SCRAM listener (see {@link #start(Path, ScramUser)}). */
  public String scramBootstrapServers() {
    if (scramUser == null) {
      throw new IllegalStateException("this broker was started without a SCRAM listener");
    }
    return "127.0.0.1:" + scramPort;
  }

  /** Creates the topics with one replica each; topics that exist already are left as they are. */
  public void createTopics(int partitions, String... names) {
    try (KafkaAdmin admin = new KafkaAdmin(bootstrapServers())) {
      admin.createTopics(partitions, List.of(names));
    }
  }

  /** Graceful shutdown (SIGTERM, controlled shutdown), SIGKILL if it takes longer than 30 s. */
  public void stop() {
    ProcessSupport.terminate(process, STOP_GRACE_SECONDS);
  }

  /** SIGKILL, as a crash would: nothing is flushed or deregistered. */
  public void kill() {
    ProcessSupport.kill(process);
  }

  /**
   * Starts the broker again on the same ports and the same log directory, so earlier records
   * survive.
   */
  public void restart() {
    stop();
    launchAndAwait();
  }

  public boolean isAlive() {
    Process current = process;
    return current != null && current.isAlive();
  }

  public Path logFile() {
    return logFile;
  }

  public String logTail(int lines) {
    return ProcessSupport.tail(logFile, lines);
  }

  /** Stops the broker; the work directory stays for a post-mortem look at kafka.log. */
  @Override
  public void close() {
    stop();
    ProcessSupport.removeHook(shutdownHook);
  }

  private static Path brokerLib() {
    Path lib = Paths.get(System.getProperty("kafka.broker.lib", "target/kafka-broker/lib"));
    try (var jars = Files.list(lib)) {
      if (jars.noneMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"))) {
        throw new IllegalStateException("no kafka_2.13 jar in " + lib.toAbsolutePath());
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Kafka broker jars missing in "
              + lib.toAbsolutePath()
              + "; run the build's pre-integration-test phase (mvn verify) to fetch them",
          e);
    }
    return lib.toAbsolutePath();
  }

  private Path serverProperties() {
    return workDir.resolve("server.properties");
  }

  private Path log4jConfig() {
    return workDir.resolve("log4j.properties");
  }

  /** Writes the config into a fresh data directory and formats it, as kafka-storage.sh would. */
  private void prepareStorage() {
    Path dataDir = ProcessSupport.createTempDirectory(workDir, "kafka-data-");
    KafkaBrokerConfig.write(
        serverProperties(),
        KafkaBrokerConfig.serverProperties(port, controllerPort, scramPort, dataDir));
    KafkaBrokerConfig.write(log4jConfig(), KafkaBrokerConfig.log4jProperties());
    KafkaStorageTool tool = new KafkaStorageTool(libDir, log4jConfig(), logFile);
    String clusterId = tool.randomUuid();
    tool.format(clusterId, serverProperties(), scramUser);
  }

  private void launchAndAwait() {
    long started = System.nanoTime();
    process = launch();
    awaitAnswering();
    System.out.printf(
        "[harness] Kafka broker %s ready after %d ms%n",
        bootstrapServers(), Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  private Process launch() {
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessSupport.javaExecutable(),
                "-Xmx512m",
                // C1 only, as the service: C2 would spend seconds of CPU recompiling the broker, in
                // tests that run for a minute and in whichever benchmark burst runs first.
                "-XX:TieredStopAtLevel=1",
                "-Dlog4j.configuration=file:" + log4jConfig(),
                "-cp",
                libDir + "/*",
                "kafka.Kafka",
                serverProperties().toString())
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            // Appending keeps the log of the run before a kill, which is what explains a fault
            // test.
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Kafka broker", e);
    }
  }

  /**
   * Waits for the listener with a plain socket first, so the admin client does not log a connection
   * warning every 200 ms while the broker JVM boots, then until the broker serves metadata.
   */
  private void awaitAnswering() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    try {
      awaitWithin(deadline, "Kafka broker port " + port, () -> ProcessSupport.portAccepts(port));
      try (KafkaAdmin admin = new KafkaAdmin(bootstrapServers())) {
        awaitWithin(deadline, "Kafka broker at " + bootstrapServers(), admin::answers);
      }
    } catch (ConditionTimeoutException e) {
      kill();
      throw new IllegalStateException(
          "Kafka broker did not answer within "
              + START_TIMEOUT
              + "; last lines of "
              + logFile
              + ":\n"
              + logTail(TAIL_LINES),
          e);
    }
  }

  private void awaitWithin(long deadline, String what, BooleanSupplier condition) {
    await(what)
        .atMost(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              failIfExited();
              return condition.getAsBoolean();
            });
  }

  private void failIfExited() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "Kafka broker exited with code "
              + process.exitValue()
              + "; last lines of "
              + logFile
              + ":\n"
              + logTail(TAIL_LINES));
    }
  }
}
