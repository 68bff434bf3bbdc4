package org.msp.onboarding.ninjaone;

import com.google.common.util.concurrent.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The NinjaOne request budget (NINJAONE_REQUESTS_PER_SECOND), shared by every thread of this instance: a call
 * waits for its permit. A rate limiter that warms up never pays out saved permits faster than the set rate, so
 * an idle spell is not followed by a burst above the budget. Calls are paced a little below the budget: permits
 * are evenly spaced, but the threads holding them reach NinjaOne with some scheduling jitter, and at the full
 * rate a few of them bunching up put one or two calls over the budget in some one-second window (measured: 93
 * calls in the busiest window at a budget of 91).
 */
@ApplicationScoped
public class RequestBudget {
  /** Share of the budget the pacing uses: 40 ms of bunching per second stays within it. */
  static final double PACE = 0.96;

  private final RateLimiter limiter;

  public RequestBudget(@ConfigProperty(name = "ninjaone.requests-per-second") double requestsPerSecond) {
    this.limiter = requestsPerSecond > 0 ? RateLimiter.create(requestsPerSecond * PACE, Duration.ofMillis(1)) : null;
  }

  /** Waits for this call's permit (at once when there is no budget). */
  public void acquire() {
    if (limiter != null) {
      limiter.acquire();
    }
  }
}
