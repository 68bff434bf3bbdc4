package org.msp.onboarding.audit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.msp.onboarding.saga.RemoteCallException;

/**
 * The NinjaOne reads of one audit run: a transient failure is retried a few times (short waits,
 * since someone is looking at the page), and every call is counted so the report can say what the
 * run cost.
 */
final class AuditReads {
  private final AuditConfig config;
  private final AtomicInteger calls = new AtomicInteger();

  AuditReads(AuditConfig config) {
    this.config = config;
  }

  /** One call (a paged listing counts its further pages with {@link #counted}). */
  <T> T read(Supplier<T> call) {
    Duration backoff = config.initialDelay();
    for (int attempt = 1; ; attempt++) {
      try {
        T result = call.get();
        calls.incrementAndGet();
        return result;
      } catch (RemoteCallException e) {
        calls.incrementAndGet();
        if (e.kind() != RemoteCallException.Kind.TRANSIENT || attempt >= config.maxAttempts()) {
          throw e;
        }
        pause(wait(backoff, e.retryAfter()));
        backoff = backoff.multipliedBy(2);
      }
    }
  }

  void counted(int extraCalls) {
    calls.addAndGet(extraCalls);
  }

  int calls() {
    return calls.get();
  }

  private Duration wait(Duration backoff, Duration retryAfter) {
    Duration wanted =
        retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    return wanted.compareTo(config.maxWait()) > 0 ? config.maxWait() : wanted;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteCallException(
          RemoteCallException.Kind.PERMANENT, 0, "audit interrupted", null);
    }
  }
}
