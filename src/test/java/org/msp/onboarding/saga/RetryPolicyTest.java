package org.msp.onboarding.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 5, Duration.ofHours(1));

  @Test
  void capDoublesPerAttemptUpToTheMaximum() {
    assertEquals(Duration.ofSeconds(1), policy.cap(1));
    assertEquals(Duration.ofSeconds(2), policy.cap(2));
    assertEquals(Duration.ofSeconds(16), policy.cap(5));
    assertEquals(Duration.ofSeconds(60), policy.cap(7));
    assertEquals(Duration.ofSeconds(60), policy.cap(500));
  }

  @Test
  void fullJitterSpreadsDelaysBetweenZeroAndTheCap() {
    Random random = new Random(7);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 1000; i++) {
      long ms = policy.delayAfter(4, null, random).toMillis();
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
    assertTrue(min < 500, "some retries come early: " + min);
    assertTrue(max > 7000 && max <= 8000, "none beyond the cap: " + max);
  }

  @Test
  void retryAfterIsAFloorCappedAtOneDay() {
    Random random = new Random(1);
    assertTrue(
        policy.delayAfter(1, Duration.ofSeconds(30), random).compareTo(Duration.ofSeconds(30))
            >= 0);
    assertEquals(Duration.ofDays(1), policy.delayAfter(1, Duration.ofDays(30), random));
  }

  @Test
  void attemptsRunOutAtTheConfiguredMaximum() {
    assertFalse(policy.exhausted(4));
    assertTrue(policy.exhausted(5));
  }

  @Test
  void zeroMaxAttemptsMeansNoCountLimit() {
    RetryPolicy unlimited =
        new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 0, Duration.ofDays(1));
    assertFalse(unlimited.exhausted(1_000_000));
  }

  @Test
  void retriesEndWhenTheStepHasBeenFailingForMaxElapsed() {
    RetryPolicy unlimited =
        new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 0, Duration.ofDays(1));
    Instant first = Instant.parse("2026-12-04T10:00:00Z");
    assertFalse(unlimited.exhausted(500, first, first.plus(Duration.ofHours(23))));
    assertTrue(unlimited.exhausted(500, first, first.plus(Duration.ofDays(1))));
    assertFalse(unlimited.exhausted(500, null, first), "no failure yet, no clock");
  }

  @Test
  void theCountLimitStillEndsRetriesBeforeMaxElapsed() {
    Instant first = Instant.parse("2026-12-04T10:00:00Z");
    assertTrue(policy.exhausted(5, first, first.plusSeconds(10)));
  }
}
