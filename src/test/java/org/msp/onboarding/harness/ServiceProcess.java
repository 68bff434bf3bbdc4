package org.msp.onboarding.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged Quarkus service ({@code java -jar quarkus-run.jar}) as a child process, configured
 * only through environment variables, so a test can run several instances and kill or restart them.
 */
public final class ServiceProcess implements AutoCloseable {

  /**
   * The service's JVM options, as src/main/docker/Dockerfile.jvm sets them (DeploymentManifestsTest
   * checks that they agree): tests and the benchmark run the service the way it is deployed.
   */
  public static final String JVM_OPTIONS =
      "-XX:+UseSerialGC -Xmx72m -Xss512k -XX:TieredStopAtLevel=1"
          + " -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=192m -XX:MaxDirectMemorySize=64m";

  /**
   * Two glibc malloc arenas instead of eight per core: the JVM and Netty allocate little natively.
   */
  public static final String MALLOC_ARENA_MAX = "2";

  /** A {@code java} command with the service's JVM options and malloc arenas, then {@code args}. */
  public static ProcessBuilder javaLikeTheService(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessSupport.javaExecutable());
    command.addAll(List.of(JVM_OPTIONS.split(" ")));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("MALLOC_ARENA_MAX", MALLOC_ARENA_MAX);
    return builder;
  }

  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);
  private static final long STOP_GRACE_SECONDS = 30;
  private static final int TAIL_LINES = 80;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path workDir;
  private final Path jar;
  private final Map<String, String> env;
  private final int httpPort;
  private final Path logFile;
  private final Thread shutdownHook;
  private volatile Process process;
  private volatile String lastHealth = "no answer yet";

  private ServiceProcess(String name, Path workDir, Path jar, Map<String, String> env) {
    this.name = name;
    this.workDir = workDir;
    this.jar = jar;
    this.env = Map.copyOf(env);
    this.httpPort = httpPortOf(env);
    this.logFile = workDir.resolve("service-" + name + ".log");
    this.shutdownHook = ProcessSupport.killOnExit("service-" + name, () -> process);
  }

  /**
   * Starts the service without waiting for it; call {@link #awaitReady(Duration)}. {@code env} is
   * added to this JVM's environment and must contain {@code QUARKUS_HTTP_PORT} (see {@link
   * #freePort()}).
   */
  public static ServiceProcess start(String name, Path workDir, Map<String, String> env) {
    ProcessSupport.createDirectories(workDir);
    ServiceProcess service = new ServiceProcess(name, workDir.toAbsolutePath(), serviceJar(), env);
    service.launch();
    return service;
  }

  /** A currently free TCP port on the loopback interface, e.g. for {@code QUARKUS_HTTP_PORT}. */
  public static int freePort() {
    return ProcessSupport.freePorts(1)[0];
  }

  public String name() {
    return name;
  }

  public int httpPort() {
    return httpPort;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** Polls {@code GET /q/health/ready} until it answers 200; fails early if the process dies. */
  public void awaitReady(Duration timeout) {
    try {
      await("service " + name + " ready at " + baseUrl())
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                failIfExited();
                return ProcessSupport.portAccepts(httpPort) && ready();
              });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "service "
              + name
              + " not ready within "
              + timeout
              + "; last health answer: "
              + lastHealth
              + "\n"
              + describeLog(),
          e);
    }
  }

  /** SIGTERM (Quarkus shuts down gracefully), SIGKILL if it takes longer than 30 s. */
  public void stop() {
    ProcessSupport.terminate(process, STOP_GRACE_SECONDS);
  }

  /** SIGKILL, as a crash or an OOM kill would; returns once the process is gone. */
  public void kill() {
    ProcessSupport.kill(process);
  }

  /**
   * Starts again with the same environment and port (stopping first if still running) and awaits
   * ready.
   */
  public void restart() {
    restart(DEFAULT_READY_TIMEOUT);
  }

  public void restart(Duration readyTimeout) {
    stop();
    launch();
    awaitReady(readyTimeout);
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

  @Override
  public void close() {
    stop();
    ProcessSupport.removeHook(shutdownHook);
  }

  private static Path serviceJar() {
    Path jar = Paths.get(System.getProperty("service.jar", "target/quarkus-app/quarkus-run.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no packaged service at " + jar.toAbsolutePath() + "; run mvn package (or verify) first");
    }
    return jar.toAbsolutePath();
  }

  private static int httpPortOf(Map<String, String> env) {
    String port = env.get("QUARKUS_HTTP_PORT");
    if (port == null) {
      throw new IllegalArgumentException(
          "env must set QUARKUS_HTTP_PORT, e.g. to ServiceProcess.freePort()");
    }
    return Integer.parseInt(port.trim());
  }

  private void launch() {
    ProcessBuilder builder =
        javaLikeTheService(List.of("-jar", jar.toString()))
            // Not the project root: Quarkus would read a .env or config/application.properties
            // found there.
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(env);
    markLog("starting " + name + " on port " + httpPort);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start service " + name, e);
    }
  }

  /** A line between runs, so a restarted instance's log shows where the earlier run ended. */
  private void markLog(String what) {
    try {
      Files.writeString(
          logFile,
          "==== [harness] " + Instant.now() + " " + what + " ====\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + logFile, e);
    }
  }

  private boolean ready() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      lastHealth = response.statusCode() + " " + response.body();
      return response.statusCode() == 200;
    } catch (IOException e) {
      lastHealth = e.toString();
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void failIfExited() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "service " + name + " exited with code " + process.exitValue() + "\n" + describeLog());
    }
  }

  private String describeLog() {
    return "last lines of " + logFile + ":\n" + logTail(TAIL_LINES);
  }
}
