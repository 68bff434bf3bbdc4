package org.msp.onboarding.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.msp.onboarding.harness.ProcessSupport;
import org.msp.onboarding.harness.ServiceProcess;
import org.msp.onboarding.harness.TestDatabase;

/**
 * A competitor ({@link ContenderMain}) as a child JVM with the service's JVM options and malloc
 * arenas ({@link ServiceProcess#javaLikeTheService}), so resident memory and CPU time compare like
 * for like. Its DONE/FAIL lines are its completion record; everything else it prints goes to its
 * log file.
 */
final class ChildRun implements ContenderRun {
  private final Process process;
  private final TestDatabase database;
  private final Map<String, Long> done = new ConcurrentHashMap<>();
  private final AtomicInteger failed = new AtomicInteger();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final List<String> failures = new ArrayList<>();
  private final Path log;

  private ChildRun(Process process, TestDatabase database, Path log) {
    this.process = process;
    this.database = database;
    this.log = log;
  }

  /** {@code kind} is "dbos" (on a fresh database) or "raw" (none). */
  static ChildRun start(String kind, Path workDir, Map<String, String> options) throws IOException {
    TestDatabase database = kind.equals("dbos") ? TestDatabase.create() : null;
    List<String> command =
        new ArrayList<>(
            List.of("-cp", Classpath.forChildren(), ContenderMain.class.getName(), "--kind", kind));
    options.forEach(
        (k, v) -> {
          command.add("--" + k);
          command.add(v);
        });
    if (database != null) {
      command.addAll(List.of("--db-url", database.jdbcUrl(), "--db-user", database.username()));
      if (database.password() != null && !database.password().isEmpty()) {
        command.addAll(List.of("--db-password", database.password()));
      }
    }
    Files.createDirectories(workDir);
    Path log = workDir.resolve(kind + ".log");
    Process process =
        ServiceProcess.javaLikeTheService(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    ChildRun run = new ChildRun(process, database, log);
    Thread reader = new Thread(run::readOutput, kind + "-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!run.ready.await(120, TimeUnit.SECONDS) || !process.isAlive()) {
        throw new IllegalStateException(
            kind + " contender did not start; see " + log + ":\n" + ProcessSupport.tail(log, 40));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (RuntimeException e) {
      run.stop();
      run.close();
      throw e;
    }
    return run;
  }

  private void readOutput() {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter other =
            new PrintWriter(
                Files.newBufferedWriter(log.resolveSibling(log.getFileName() + ".out")))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("DONE ")) {
          String[] parts = line.split(" ");
          done.put(parts[1], Long.parseLong(parts[2]));
        } else if (line.startsWith("FAIL ")) {
          failed.incrementAndGet();
          synchronized (failures) {
            if (failures.size() < 5) {
              failures.add(line);
            }
          }
        } else if (line.startsWith("READY ")) {
          ready.countDown();
        } else {
          other.println(line);
          other.flush();
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    ready.countDown();
  }

  @Override
  public List<Long> pids() {
    return List.of(process.pid());
  }

  @Override
  public int completed() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "contender exited with "
              + process.exitValue()
              + "; see "
              + log
              + ":\n"
              + ProcessSupport.tail(log, 40));
    }
    return done.size();
  }

  @Override
  public int failed() {
    return failed.get();
  }

  List<String> firstFailures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  @Override
  public Map<String, Long> completions() {
    return Map.copyOf(done);
  }

  @Override
  public TestDatabase database() {
    return database;
  }

  @Override
  public void stop() {
    ProcessSupport.terminate(process, 20);
  }

  @Override
  public void close() {
    if (database != null) {
      database.close();
    }
  }
}
