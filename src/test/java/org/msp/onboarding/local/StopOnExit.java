package org.msp.onboarding.local;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What ./run-local started, stopped newest first when the JVM ends (Ctrl-C): the service before the
 * simulator, the broker and the database it uses, so nothing is pulled from under it. A part that
 * fails to stop is reported in one line; Ctrl-C never ends in a stack trace.
 */
final class StopOnExit {
  private record Part(String name, AutoCloseable stop) {}

  private final Deque<Part> started = new ArrayDeque<>();
  private volatile boolean stopping;

  StopOnExit() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "run-local-stop"));
  }

  /** Registers what was just started; if stopping has begun already, stops it at once. */
  <T extends AutoCloseable> T add(String name, T part) {
    synchronized (this) {
      if (!stopping) {
        started.push(new Part(name, part));
        return part;
      }
    }
    stopQuietly(new Part(name, part));
    return part;
  }

  /**
   * True once Ctrl-C (or any JVM exit) has begun: what fails in the main thread from then on is
   * expected.
   */
  boolean stopping() {
    return stopping;
  }

  private synchronized void stopAll() {
    stopping = true;
    if (started.isEmpty()) {
      return;
    }
    LocalRun.say("stopping ...");
    while (!started.isEmpty()) {
      stopQuietly(started.pop());
    }
    LocalRun.say("stopped.");
  }

  private static void stopQuietly(Part part) {
    try {
      part.stop().close();
    } catch (Exception e) {
      LocalRun.say("could not stop " + part.name() + ": " + e.getMessage());
    }
  }
}
