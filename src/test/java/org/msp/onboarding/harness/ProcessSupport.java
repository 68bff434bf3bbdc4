package org.msp.onboarding.harness;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Small helpers shared by the harness classes that run child JVMs (Kafka broker, packaged service).
 */
public final class ProcessSupport {

  /**
   * Bytes read from the end of a log for a tail: enough for a stack trace, cheap for a 100 MB log.
   */
  private static final int TAIL_BYTES = 64 * 1024;

  private ProcessSupport() {}

  /** The java binary of the running JVM, so children use the same Java version as the tests. */
  public static String javaExecutable() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Picks {@code count} distinct free TCP ports on the loopback interface. All sockets stay open
   * until every port is chosen, so the kernel cannot hand out the same port twice.
   */
  public static int[] freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    } finally {
      sockets.forEach(ProcessSupport::closeQuietly);
    }
  }

  /**
   * True if something accepts TCP connections on the loopback port; used before a client would log
   * noise.
   */
  public static boolean portAccepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  /** A new, empty directory under {@code parent}, never one left over from an earlier run. */
  public static Path createTempDirectory(Path parent, String prefix) {
    try {
      return Files.createTempDirectory(parent, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory in " + parent, e);
    }
  }

  /** The last {@code lines} lines of a log file, or a note if it does not exist (yet). */
  public static String tail(Path file, int lines) {
    if (!Files.exists(file)) {
      return "(no log file " + file + ")";
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, raf.length() - TAIL_BYTES);
      byte[] bytes = new byte[(int) (raf.length() - start)];
      raf.seek(start);
      raf.readFully(bytes);
      // Decoding replaces a multi-byte character cut at the start instead of failing.
      String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
      return String.join(
          "\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  /** SIGTERM, wait up to {@code graceSeconds}, then SIGKILL; returns once the process is gone. */
  public static void terminate(Process process, long graceSeconds) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitFor(process, graceSeconds)) {
      kill(process);
    }
  }

  /** SIGKILL and wait for the exit, so the ports are free when this returns. */
  public static void kill(Process process) {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    waitFor(process, 30);
  }

  /**
   * A shutdown hook that kills whatever process the supplier holds at JVM exit, so an aborted test
   * run does not leave a broker or service running and holding its port.
   */
  public static Thread killOnExit(String name, Supplier<Process> current) {
    Thread hook =
        new Thread(
            () -> {
              Process process = current.get();
              if (process != null && process.isAlive()) {
                process.destroyForcibly();
              }
            },
            "kill-" + name);
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /** Removes a hook from {@link #killOnExit}; harmless while the JVM is already shutting down. */
  public static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to run: nothing to undo.
    }
  }

  private static boolean waitFor(Process process, long seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Only used to reserve a number; nothing to clean up.
    }
  }
}
