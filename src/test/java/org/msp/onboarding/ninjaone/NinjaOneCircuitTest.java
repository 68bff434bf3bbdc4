package org.msp.onboarding.ninjaone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.ninjaone.NinjaOneCircuit.State;

class NinjaOneCircuitTest {
  private final MovingClock clock = new MovingClock();
  private final NinjaOneCircuit circuit =
      new NinjaOneCircuit(
          new NinjaOneCircuit.Settings(
              10,
              Duration.ofSeconds(5),
              Duration.ofSeconds(5),
              Duration.ofSeconds(30),
              Duration.ofSeconds(5)),
          clock);

  @Test
  void opensAfterTenFailuresInARowSpanningFiveSeconds() {
    failTimes(9, Duration.ofSeconds(1));
    assertEquals(State.CLOSED, circuit.state());
    failTimes(1, Duration.ZERO);
    assertEquals(State.OPEN, circuit.state());
    assertFalse(circuit.allowsWork());
    assertEquals(0, circuit.workerLimit(8));
    assertEquals(clock.instant().plusSeconds(5), circuit.status().nextProbeAt());
  }

  @Test
  void aBurstOfFailuresWithinAFewSecondsIsABlipNotAnOutage() {
    failTimes(40, Duration.ofMillis(50));
    assertEquals(State.CLOSED, circuit.state());
    circuit.answered();
    clock.advance(Duration.ofSeconds(10));
    failTimes(9, Duration.ZERO);
    assertEquals(State.CLOSED, circuit.state(), "an answer started a new count");
  }

  @Test
  void aFailedTokenRequestOpensAtOnce() {
    circuit.tokenFailed("503");
    assertEquals(State.OPEN, circuit.state());
    assertTrue(circuit.status().reason().contains("token"));
  }

  @Test
  void probesOneAtATimeWithDoublingBackoffUpToTheMaximum() {
    circuit.tokenFailed("refused");
    assertFalse(circuit.startProbe(), "not before the first delay");
    long[] expectedDelays = {10, 20, 30, 30};
    for (long delay : expectedDelays) {
      clock.advance(Duration.between(clock.instant(), circuit.status().nextProbeAt()));
      assertTrue(circuit.startProbe());
      assertEquals(State.PROBING, circuit.state());
      assertFalse(circuit.startProbe(), "one probe at a time");
      circuit.probeFailed(null, "refused");
      assertEquals(clock.instant().plusSeconds(delay), circuit.status().nextProbeAt());
    }
  }

  @Test
  void retryAfterOfAFailedProbeSetsTheNextProbeWithinTheMaximum() {
    circuit.tokenFailed("429");
    clock.advance(Duration.ofSeconds(5));
    circuit.startProbe();
    circuit.probeFailed(Duration.ofSeconds(2), "429");
    assertEquals(clock.instant().plusSeconds(2), circuit.status().nextProbeAt());
    clock.advance(Duration.ofSeconds(2));
    circuit.startProbe();
    circuit.probeFailed(Duration.ofHours(1), "503 maintenance");
    assertEquals(clock.instant().plusSeconds(30), circuit.status().nextProbeAt());
  }

  @Test
  void failuresOfCallsInFlightWhileOpenDoNotMoveTheProbe() {
    circuit.tokenFailed("refused");
    Instant probe = circuit.status().nextProbeAt();
    failTimes(20, Duration.ofSeconds(1));
    assertEquals(probe, circuit.status().nextProbeAt());
    assertEquals(probe, circuit.resumeAt(), "paused sagas look again at the next probe");
  }

  @Test
  void anAnswerClosesItAndTheWorkersRampUpByDoubling() {
    circuit.tokenFailed("refused");
    clock.advance(Duration.ofSeconds(5));
    circuit.startProbe();
    circuit.answered();
    assertEquals(State.CLOSED, circuit.state());
    int[] limits = {1, 2, 4, 8, 8};
    for (int limit : limits) {
      assertEquals(limit, circuit.workerLimit(8));
      clock.advance(Duration.ofSeconds(5));
    }
  }

  @Test
  void aClosedCircuitThatNeverOpenedAllowsEveryWorker() {
    assertEquals(8, circuit.workerLimit(8));
    assertTrue(circuit.allowsWork());
  }

  private void failTimes(int times, Duration apart) {
    for (int i = 0; i < times; i++) {
      circuit.failed("GET /v2/organizations: HTTP 503");
      clock.advance(apart);
    }
  }

  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-12-04T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
