package org.msp.onboarding.saga;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs a step's independent NinjaOne calls side by side (one per site, one per deployment), so a
 * client with ten sites waits for a round trip or two instead of ten. At most {@code width} run at
 * once; the step's own thread runs one of them. Every call ends before the results are answered, in
 * the calls' order, so a step keeps what was made even when another call failed.
 */
public final class ConcurrentCalls {
  private final Executor executor;
  private final int width;

  /**
   * @param executor runs all but one call of a wave; it must not queue them behind other work
   * @param width the most calls at once; 1 runs them one after another on the step's thread
   */
  public ConcurrentCalls(Executor executor, int width) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be at least 1, was " + width);
    }
    this.executor = executor;
    this.width = width;
  }

  /** Every call on the step's own thread, one after another (tests, or a tenant with no room). */
  public static ConcurrentCalls oneAfterAnother() {
    return new ConcurrentCalls(Runnable::run, 1);
  }

  /** A call's value, or the exception it threw, rethrown by {@link #get()}. */
  public static final class Result<T> {
    private final T value;
    private final RuntimeException failure;

    private Result(T value, RuntimeException failure) {
      this.value = value;
      this.failure = failure;
    }

    public T get() {
      if (failure != null) {
        throw failure;
      }
      return value;
    }
  }

  public <T> List<Result<T>> run(List<Supplier<T>> calls) {
    List<Result<T>> results = new ArrayList<>(calls.size());
    for (int from = 0; from < calls.size(); from += width) {
      List<Supplier<T>> wave = calls.subList(from, Math.min(calls.size(), from + width));
      List<CompletableFuture<Result<T>>> others = new ArrayList<>(wave.size() - 1);
      for (Supplier<T> call : wave.subList(1, wave.size())) {
        others.add(CompletableFuture.supplyAsync(() -> attempt(call), executor));
      }
      results.add(attempt(wave.get(0)));
      for (CompletableFuture<Result<T>> other : others) {
        results.add(other.join());
      }
    }
    return results;
  }

  private static <T> Result<T> attempt(Supplier<T> call) {
    try {
      return new Result<>(call.get(), null);
    } catch (RuntimeException e) {
      return new Result<>(null, e);
    }
  }
}
