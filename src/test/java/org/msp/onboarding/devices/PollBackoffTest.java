package org.msp.onboarding.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollBackoffTest {
  private final PollBackoff backoff =
      new PollBackoff(Duration.ofSeconds(30), Duration.ofMinutes(15));

  @Test
  void eachReadThatFindsNothingNewDoublesTheWaitUpToTheMaximum() {
    Duration wait = Duration.ofSeconds(30);
    for (int read = 0; read < 5; read++) {
      wait = backoff.next(wait, false);
    }
    assertEquals(Duration.ofMinutes(15), backoff.next(wait, false));
    assertEquals(Duration.ofMinutes(1), backoff.next(Duration.ofSeconds(30), false));
  }

  @Test
  void aChangeBringsTheWaitBackToTheCheckInterval() {
    assertEquals(Duration.ofSeconds(30), backoff.next(Duration.ofMinutes(15), true));
  }
}
