package org.msp.onboarding.ninjaone;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestBudgetTest {

  private static long millisFor(RequestBudget budget, int calls) {
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      budget.acquire();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void callsAreSpacedToTheBudgetEvenAfterAnIdleSpell() throws InterruptedException {
    RequestBudget budget = new RequestBudget(100);
    millisFor(budget, 5);
    Thread.sleep(1000); // an idle second must not buy a burst of 100 calls
    long millis = millisFor(budget, 50);
    assertTrue(millis >= 450, "50 calls at 100/s took only " + millis + " ms");
  }

  @Test
  void zeroMeansNoBudget() {
    assertTrue(millisFor(new RequestBudget(0), 10_000) < 1000);
  }
}
