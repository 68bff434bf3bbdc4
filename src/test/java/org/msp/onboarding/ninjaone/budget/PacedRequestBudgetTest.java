package org.msp.onboarding.ninjaone.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.ninjaone.RequestBudget;

class PacedRequestBudgetTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private PacedRequestBudget budget(SlotSource source, double rate) {
    return new PacedRequestBudget(source, rate, new BudgetMetrics(registry));
  }

  private static long millisFor(RequestBudget budget, int calls) {
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      budget.acquire();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void callsAreSpacedToTheBudgetEvenAfterAnIdleSpell() throws InterruptedException {
    RequestBudget budget = budget(new InProcessSlots(100), 100);
    millisFor(budget, 5);
    Thread.sleep(1000); // an idle second must not buy a burst of 100 calls
    long millis = millisFor(budget, 50);
    assertTrue(millis >= 450, "50 calls at 100/s took only " + millis + " ms");
  }

  @Test
  void aBackgroundCallWaitsUntilNoSagaCallOfTheInstanceWaits() throws InterruptedException {
    RequestBudget budget = budget(new InProcessSlots(20), 20);
    int threads = 4;
    int callsEach = 5;
    AtomicInteger foregroundDone = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      pool.execute(
          () -> {
            for (int i = 0; i < callsEach; i++) {
              budget.acquire();
              foregroundDone.incrementAndGet();
            }
            done.countDown();
          });
    }
    Thread.sleep(100); // the saga calls are queued for their slots
    budget.acquireBackground();
    int before = foregroundDone.get();
    assertTrue(done.await(30, TimeUnit.SECONDS));
    pool.shutdown();
    // At 20/s the 20 saga calls take a second; a background call taking its turn at once would
    // have gone after about 2 of them.
    assertTrue(before >= 16, "the background call went after only " + before + " of 20 calls");
  }

  @Test
  void noBudgetMeansNoWaiting() {
    assertTrue(millisFor(RequestBudget.NONE, 10_000) < 1000);
  }

  @Test
  void oneReservationServesManyCallsOfABusyInstance() throws InterruptedException {
    AtomicInteger reservations = new AtomicInteger();
    InProcessSlots slots = new InProcessSlots(200);
    RequestBudget budget =
        budget(
            new SlotSource() {
              @Override
              public SlotBatch reserve(int wanted) {
                reservations.incrementAndGet();
                return slots.reserve(wanted);
              }

              @Override
              public void throttled() {}
            },
            200);
    int threads = 8;
    int callsEach = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      pool.execute(
          () -> {
            millisFor(budget, callsEach);
            done.countDown();
          });
    }
    assertTrue(done.await(30, TimeUnit.SECONDS));
    pool.shutdown();
    int calls = threads * callsEach;
    System.out.printf(
        "%d calls from %d threads took %d reservations%n", calls, threads, reservations.get());
    assertTrue(
        reservations.get() <= calls / 4,
        reservations.get() + " reservations for " + calls + " calls");
  }

  @Test
  void aSlotWhoseMomentHasPassedIsGivenUpNotSpentLate() {
    AtomicInteger batches = new AtomicInteger();
    RequestBudget budget =
        budget(
            new SlotSource() {
              @Override
              public SlotBatch reserve(int wanted) {
                long spacing = SlotBatch.spacingNanos(10);
                // the first batch is a second old by the time it arrives (a stalled instance); the
                // second is fresh
                long first =
                    System.nanoTime() - (batches.getAndIncrement() == 0 ? 1_000_000_000L : 0);
                return new SlotBatch(first, spacing, 2, 10);
              }

              @Override
              public void throttled() {}
            },
            10);
    budget.acquire();
    assertEquals(2, batches.get());
    assertEquals(2.0, registry.get("ninjaone.budget.missed.slots").counter().count());
  }
}
