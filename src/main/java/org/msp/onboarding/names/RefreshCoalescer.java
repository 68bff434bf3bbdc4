package org.msp.onboarding.names;

import org.msp.onboarding.saga.RemoteCallException;

/**
 * Lets many callers share one refresh: each caller waits for a refresh that started after it asked
 * (so it sees everything created before its call), and whoever finds none running starts it. Sagas
 * checking names at the same moment therefore cost one listing call between them.
 */
final class RefreshCoalescer {
  private final Runnable refresh;
  private long started;
  private long finished;
  private boolean running;
  private long succeeded;
  private RuntimeException failure;

  RefreshCoalescer(Runnable refresh) {
    this.refresh = refresh;
  }

  /**
   * Returns once a refresh that started after this call has finished; throws that refresh's
   * failure.
   */
  void awaitFreshRefresh() {
    long mine;
    synchronized (this) {
      long wanted = started + 1; // the running one (if any) may have read NinjaOne before this call
      while (finished < wanted && running) {
        waitQuietly();
      }
      if (succeeded >= wanted) {
        return;
      }
      if (finished >= wanted) {
        throw failure; // every refresh since this call failed: the caller must not go on with a
        // stale index
      }
      running = true;
      mine = ++started;
    }
    RuntimeException error = null;
    try {
      refresh.run();
    } catch (RuntimeException e) {
      error = e;
    }
    synchronized (this) {
      running = false;
      finished = mine;
      if (error == null) {
        succeeded = mine;
      } else {
        failure = error;
      }
      notifyAll();
    }
    if (error != null) {
      throw error;
    }
  }

  private void waitQuietly() {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteCallException(
          RemoteCallException.Kind.TRANSIENT, 0, "name check interrupted", null);
    }
  }
}
