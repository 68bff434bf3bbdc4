package org.msp.onboarding.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.msp.onboarding.harness.ServiceProcess;

/**
 * One service process of the run, with its own NinjaOne tap, and how often it was killed. Its lease
 * owner id in the database is {@code host/pid/random}, so the pid is what ties the database's
 * leases to this process.
 */
final class ServiceInstance implements AutoCloseable {
  private final String name;
  private final NinjaOneTap tap;
  private final ServiceProcess process;
  private final AtomicInteger incarnation;
  private volatile boolean up;
  private volatile long pid = -1;
  private volatile int restarts;

  private ServiceInstance(
      String name, AtomicInteger incarnation, NinjaOneTap tap, ServiceProcess process) {
    this.name = name;
    this.incarnation = incarnation;
    this.tap = tap;
    this.process = process;
  }

  /**
   * Starts the process (without waiting); {@code env} gets this instance's port and NinjaOne URL
   * (its tap).
   */
  static ServiceInstance start(
      String name, Path workDir, Map<String, String> env, int simulatorPort) {
    // Shared with the tap, which stamps every call with the run of the process that made it.
    AtomicInteger incarnation = new AtomicInteger(1);
    NinjaOneTap tap = NinjaOneTap.start(name, simulatorPort, incarnation::get);
    Map<String, String> own = new LinkedHashMap<>(env);
    own.put("NINJAONE_BASE_URL", tap.baseUrl());
    own.put("QUARKUS_HTTP_PORT", Integer.toString(ServiceProcess.freePort()));
    ServiceProcess process = ServiceProcess.start(name, workDir, own);
    return new ServiceInstance(name, incarnation, tap, process);
  }

  void awaitReady(Duration timeout) {
    process.awaitReady(timeout);
    pid = findPid(process.httpPort());
    up = true;
  }

  String name() {
    return name;
  }

  boolean isUp() {
    return up && process.isAlive();
  }

  long pid() {
    return pid;
  }

  int restarts() {
    return restarts;
  }

  NinjaOneTap tap() {
    return tap;
  }

  Path logFile() {
    return process.logFile();
  }

  /** SIGKILL. Calls the tap forwards from now on belong to the next run of this instance. */
  void kill() {
    up = false;
    incarnation.incrementAndGet();
    process.kill();
  }

  /**
   * Starts the instance again and waits until it is ready. A start can fail for a reason the run
   * itself caused (PostgreSQL restarting: Flyway cannot connect and Quarkus exits), so it is tried
   * a few times.
   */
  void restartUntilReady(Duration readyTimeout, int tries) throws InterruptedException {
    IllegalStateException last = null;
    for (int i = 0; i < tries; i++) {
      try {
        process.restart(readyTimeout);
        pid = findPid(process.httpPort());
        restarts++;
        up = true;
        return;
      } catch (IllegalStateException e) {
        last = e;
        process.kill();
        Thread.sleep(2_000);
      }
    }
    throw new IllegalStateException(name + " did not come back after " + tries + " tries", last);
  }

  @Override
  public void close() {
    up = false;
    process.close();
    tap.close();
  }

  /**
   * The pid of the child JVM listening on {@code port}: ServiceProcess does not expose it, so it is
   * found through /proc/<pid>/environ of this JVM's children (Linux); -1 where that is not
   * readable.
   */
  private static long findPid(int port) {
    String wanted = "QUARKUS_HTTP_PORT=" + port;
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .filter(child -> environment(child.pid()).contains(wanted))
        .mapToLong(ProcessHandle::pid)
        .findFirst()
        .orElse(-1);
  }

  private static java.util.List<String> environment(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
      return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
    } catch (IOException | RuntimeException e) {
      return java.util.List.of();
    }
  }
}
