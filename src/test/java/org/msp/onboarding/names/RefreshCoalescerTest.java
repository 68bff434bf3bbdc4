package org.msp.onboarding.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshCoalescerTest {

  @Test
  void checksArrivingDuringARefreshShareTheNextOneInsteadOfEachCallingNinjaOne() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    RefreshCoalescer coalescer =
        new RefreshCoalescer(
            () -> {
              if (runs.incrementAndGet() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
              }
            });
    Thread first = new Thread(coalescer::awaitFreshRefresh);
    first.start();
    assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
    List<Thread> waiting = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Thread t = new Thread(coalescer::awaitFreshRefresh);
      t.start();
      waiting.add(t);
    }
    Thread.sleep(200); // all twenty are waiting on the running refresh
    releaseFirst.countDown();
    first.join(5000);
    for (Thread t : waiting) {
      t.join(5000);
    }
    assertEquals(
        2, runs.get(), "the one running, then one shared by the twenty that arrived during it");
  }

  @Test
  void aCheckIsNeverAnsweredByARefreshThatStartedBeforeIt() {
    AtomicInteger runs = new AtomicInteger();
    RefreshCoalescer coalescer = new RefreshCoalescer(runs::incrementAndGet);
    coalescer.awaitFreshRefresh();
    coalescer.awaitFreshRefresh();
    assertEquals(2, runs.get());
  }

  @Test
  void waitersOfAFailedRefreshGetItsFailure() {
    RefreshCoalescer coalescer =
        new RefreshCoalescer(
            () -> {
              throw new IllegalStateException("down");
            });
    assertThrows(IllegalStateException.class, coalescer::awaitFreshRefresh);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
