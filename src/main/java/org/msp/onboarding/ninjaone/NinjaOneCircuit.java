package org.msp.onboarding.ninjaone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.msp.onboarding.config.OnboardingConfig;

/**
 * Whether NinjaOne is failing for everyone, as this instance sees it. Every call's result is
 * reported here; many transient failures in a row across sagas, or a failed token request, OPEN the
 * circuit: the runner then starts no step, a single prober calls NinjaOne with backoff, and the
 * first answer CLOSES it again, after which the runner ramps back up (1, 2, 4, ... sagas at once)
 * instead of releasing every waiting saga together.
 *
 * <p>Not SmallRye Fault Tolerance's {@code @CircuitBreaker}: it guards one method and, when open,
 * makes each call fail fast. Here the work must pause instead (a failed call would be a saga's
 * attempt), the trial call must be a harmless read rather than the next saga's step, the probe
 * interval must back off and honour Retry-After, and a token failure alone must open it. This small
 * state machine says exactly that.
 */
@ApplicationScoped
public class NinjaOneCircuit {
  /** The gauge value of each state: 0 closed, 1 open, 2 probing. */
  public enum State {
    CLOSED,
    OPEN,
    PROBING
  }

  /** See OnboardingConfig.Circuit. */
  public record Settings(
      int failureThreshold,
      Duration failureSpan,
      Duration probeInitialDelay,
      Duration probeMaxDelay,
      Duration rampStep) {}

  /** The circuit as the health group and the console show it. */
  public record Status(
      State state, Instant openedAt, String reason, Instant nextProbeAt, int failedProbes) {}

  private static final Duration SHORTEST_PROBE_DELAY = Duration.ofSeconds(1);
  private static final Logger LOG = Logger.getLogger(NinjaOneCircuit.class);

  private final Settings settings;
  private final Clock clock;
  private State state = State.CLOSED;
  private int failuresInARow;
  private Instant streakStartedAt;
  private Instant openedAt;
  private String reason;
  private Instant nextProbeAt;
  private int failedProbes;

  /** When the circuit last closed, while the runner is still ramping up; null once ramped up. */
  private Instant rampStartedAt;

  @Inject
  public NinjaOneCircuit(OnboardingConfig config) {
    this(settingsOf(config.circuit()), Clock.systemUTC());
  }

  NinjaOneCircuit(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** NinjaOne answered (anything but 408, 429 or 5xx): it is up. */
  public synchronized void answered() {
    failuresInARow = 0;
    streakStartedAt = null;
    if (state != State.CLOSED) {
      state = State.CLOSED;
      rampStartedAt = clock.instant();
      nextProbeAt = null;
    }
  }

  /** A call got no answer, or 408, 429 or 5xx. While open, only the prober's own result counts. */
  public synchronized void failed(String what) {
    if (state != State.CLOSED) {
      return;
    }
    Instant now = clock.instant();
    if (failuresInARow++ == 0) {
      streakStartedAt = now;
    }
    boolean longEnough =
        !Duration.between(streakStartedAt, now).minus(settings.failureSpan()).isNegative();
    if (failuresInARow >= settings.failureThreshold() && longEnough) {
      open(failuresInARow + " NinjaOne calls failed in a row, the last: " + what);
    }
  }

  /** No token, so no call can succeed: open at once. */
  public synchronized void tokenFailed(String what) {
    if (state == State.CLOSED) {
      open("token request failed: " + what);
    }
  }

  /** Steps may start (the circuit is closed). */
  public synchronized boolean allowsWork() {
    return state == State.CLOSED;
  }

  /**
   * How many sagas this instance may drive at once now: none while open, then 1, 2, 4, ... up to
   * all workers.
   */
  public synchronized int workerLimit(int workers) {
    if (state != State.CLOSED) {
      return 0;
    }
    if (rampStartedAt == null) {
      return workers;
    }
    long steps =
        Duration.between(rampStartedAt, clock.instant()).toMillis()
            / settings.rampStep().toMillis();
    if (steps >= 30 || (1L << steps) >= workers) {
      rampStartedAt = null;
      return workers;
    }
    return (int) (1L << steps);
  }

  /** When a paused saga should look again: at the next probe (now when the circuit is closed). */
  public synchronized Instant resumeAt() {
    return state == State.CLOSED || nextProbeAt == null ? clock.instant() : nextProbeAt;
  }

  /**
   * Takes the one probe when it is due; the caller must then report {@link #answered} or {@link
   * #probeFailed}.
   */
  public synchronized boolean startProbe() {
    if (state != State.OPEN || clock.instant().isBefore(nextProbeAt)) {
      return false;
    }
    state = State.PROBING;
    return true;
  }

  /**
   * The probe failed: wait NinjaOne's Retry-After if it gave one, else the doubled delay, before
   * the next.
   */
  public synchronized void probeFailed(Duration retryAfter, String what) {
    if (state != State.PROBING) {
      return; // another call's answer closed the circuit meanwhile
    }
    failedProbes++;
    state = State.OPEN;
    reason = "probe failed: " + what;
    nextProbeAt = clock.instant().plus(probeDelay(failedProbes, retryAfter));
  }

  public synchronized Status status() {
    return new Status(state, openedAt, reason, nextProbeAt, failedProbes);
  }

  public synchronized State state() {
    return state;
  }

  Duration probeDelay(int failedSoFar, Duration retryAfter) {
    Duration max = settings.probeMaxDelay();
    if (retryAfter != null) {
      Duration asked =
          retryAfter.compareTo(SHORTEST_PROBE_DELAY) < 0 ? SHORTEST_PROBE_DELAY : retryAfter;
      return asked.compareTo(max) > 0 ? max : asked;
    }
    long millis = settings.probeInitialDelay().toMillis() << Math.min(failedSoFar, 30);
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }

  private void open(String why) {
    state = State.OPEN;
    openedAt = clock.instant();
    reason = why;
    failedProbes = 0;
    rampStartedAt = null;
    nextProbeAt = openedAt.plus(settings.probeInitialDelay());
    LOG.warnf(
        "NinjaOne circuit open (%s): no saga step starts until NinjaOne answers a probe; first probe at %s",
        why, nextProbeAt);
  }

  private static Settings settingsOf(OnboardingConfig.Circuit c) {
    return new Settings(
        c.failureThreshold(),
        c.failureSpan(),
        c.probeInitialDelay(),
        c.probeMaxDelay(),
        c.rampStep());
  }
}
