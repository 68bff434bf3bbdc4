package org.msp.onboarding.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentCallsTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void callsOfOneWaveRunAtTheSameTime() {
    CountDownLatch allStarted = new CountDownLatch(3);
    Supplier<Boolean> call =
        () -> {
          allStarted.countDown();
          try {
            // only true if the other two are running too: one after another, each would time out
            return allStarted.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        };
    List<ConcurrentCalls.Result<Boolean>> results =
        new ConcurrentCalls(threads, 3).run(List.of(call, call, call));
    results.forEach(r -> assertTrue(r.get()));
  }

  @Test
  void noMoreThanTheWidthRunAtOnce() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Supplier<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      int n = i;
      calls.add(
          () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(30);
            running.decrementAndGet();
            return n;
          });
    }
    List<ConcurrentCalls.Result<Integer>> results = new ConcurrentCalls(threads, 3).run(calls);
    assertEquals(3, most.get());
    for (int i = 0; i < 7; i++) {
      assertEquals(i, results.get(i).get(), "results come in the calls' order");
    }
  }

  @Test
  void aFailureIsAnsweredInItsPlaceAndTheOtherCallsStillEnd() {
    RemoteCallException refused =
        new RemoteCallException(RemoteCallException.Kind.TRANSIENT, 503, "busy", null);
    List<ConcurrentCalls.Result<String>> results =
        new ConcurrentCalls(threads, 4)
            .run(
                List.of(
                    () -> "a",
                    () -> {
                      throw refused;
                    },
                    () -> "c"));
    assertEquals("a", results.get(0).get());
    assertSame(refused, assertThrows(RemoteCallException.class, () -> results.get(1).get()));
    assertEquals("c", results.get(2).get());
  }

  @Test
  void oneAfterAnotherStaysOnTheStepsThread() {
    Thread step = Thread.currentThread();
    List<ConcurrentCalls.Result<Thread>> results =
        ConcurrentCalls.oneAfterAnother()
            .run(List.of(Thread::currentThread, Thread::currentThread));
    results.forEach(r -> assertSame(step, r.get()));
  }

  @Test
  void aWidthBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ConcurrentCalls(threads, 0));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
