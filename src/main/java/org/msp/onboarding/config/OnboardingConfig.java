package org.msp.onboarding.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Saga settings (environment form: ONBOARDING_RETRY_INITIAL_DELAY and so on). */
@ConfigMapping(prefix = "onboarding")
public interface OnboardingConfig {

  Retry retry();

  Runner runner();

  Circuit circuit();

  /** An unfinished saga without progress for this long is reported as stuck (API, metric). */
  @WithDefault("PT15M")
  Duration stuckAfter();

  /** An agent-deployment task still PENDING this long after it was recorded is flagged stale. */
  @WithDefault("P3D")
  Duration deploymentTaskStaleAfter();

  interface Retry {
    /** Backoff cap of the first retry; doubles per attempt. */
    @WithDefault("PT1S")
    Duration initialDelay();

    /** Largest backoff cap; NinjaOne's Retry-After may still ask for more. */
    @WithDefault("PT5M")
    Duration maxDelay();

    /**
     * Attempts of one step (or of its compensation) before it counts as failed for good; 0: no
     * count limit, only max-elapsed. Attempts that fail while the circuit is open are not counted.
     */
    @WithDefault("0")
    int maxAttempts();

    /**
     * How long a step (or its compensation) is retried after its first counted transient failure.
     */
    @WithDefault("P1D")
    Duration maxElapsed();
  }

  /**
   * When NinjaOne fails for everyone, the instance stops starting steps and probes it
   * (NinjaOneCircuit).
   */
  interface Circuit {
    /** Transient NinjaOne failures in a row, across all sagas, that open the circuit... */
    @WithDefault("10")
    int failureThreshold();

    /**
     * ...when they span at least this long: a burst of failures within a few seconds is a blip, not
     * an outage.
     */
    @WithDefault("PT5S")
    Duration failureSpan();

    /**
     * Wait before the first probe; doubles after each failed probe (a Retry-After answer sets it
     * instead).
     */
    @WithDefault("PT5S")
    Duration probeInitialDelay();

    /** Longest wait between probes while NinjaOne stays down. */
    @WithDefault("PT30S")
    Duration probeMaxDelay();

    /**
     * After the circuit closes, the sagas driven at once double every ramp-step, from 1 up to the
     * workers.
     */
    @WithDefault("PT5S")
    Duration rampStep();
  }

  interface Runner {
    /**
     * How long a claimed saga belongs to one worker without a heartbeat; a dead instance's sagas
     * wait this long.
     */
    @WithDefault("PT60S")
    Duration lease();

    /** Backstop poll for due sagas; new sagas and operator actions wake the runner at once. */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** Sagas driven at once by this instance. */
    @WithDefault("8")
    int workers();

    /** Sagas claimed per claim query. */
    @WithDefault("16")
    int claimBatch();

    /**
     * NinjaOne calls one step makes at once when it has several to make (one per site, one per
     * deployment); 1 makes them one after another.
     */
    @WithDefault("4")
    @Min(1)
    int callsAtOnce();
  }
}
