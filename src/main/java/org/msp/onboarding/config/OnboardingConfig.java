package org.msp.onboarding.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Saga settings (environment form: ONBOARDING_RETRY_INITIAL_DELAY and so on). */
@ConfigMapping(prefix = "onboarding")
public interface OnboardingConfig {

  Retry retry();

  Runner runner();

  /** An unfinished saga without progress for this long is reported as stuck (API, metric). */
  @WithDefault("PT15M")
  Duration stuckAfter();

  interface Retry {
    /** Backoff cap of the first retry; doubles per attempt. */
    @WithDefault("PT1S")
    Duration initialDelay();

    /** Largest backoff cap; NinjaOne's Retry-After may still ask for more. */
    @WithDefault("PT5M")
    Duration maxDelay();

    /** Attempts of one step (or of its compensation) before it counts as failed for good. */
    @WithDefault("8")
    int maxAttempts();
  }

  interface Runner {
    /** How long a claimed saga belongs to one worker without a heartbeat; a dead instance's sagas wait this long. */
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
  }
}
