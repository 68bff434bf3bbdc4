package org.msp.onboarding.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** On SIGTERM the steps in flight get the shutdown timeout less what the rest of it needs. */
class ShutdownWaitTest {
  @Test
  void theDefaultThirtySecondTimeoutGivesTheStepsTwentySeconds() {
    assertEquals(Duration.ofSeconds(20), SagaRunner.stepsWaitOnStop(Duration.ofSeconds(30)));
  }

  @Test
  void aLongerTimeoutGivesTheStepsLonger() {
    assertEquals(Duration.ofSeconds(110), SagaRunner.stepsWaitOnStop(Duration.ofMinutes(2)));
  }

  @Test
  void aTimeoutShorterThanTheRestStillGivesTheStepsASecond() {
    assertEquals(Duration.ofSeconds(1), SagaRunner.stepsWaitOnStop(Duration.ofSeconds(5)));
  }
}
