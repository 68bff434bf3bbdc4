package org.msp.onboarding.ninjaone;

import com.google.common.util.concurrent.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The NinjaOne request budget (NINJAONE_REQUESTS_PER_SECOND), shared by every thread of this instance: a call
 * waits for its permit. A rate limiter that warms up never pays out saved permits faster than the set rate, so
 * an idle spell is not followed by a burst above the budget.
 */
@ApplicationScoped
public class RequestBudget {
  private final RateLimiter limiter;

  public RequestBudget(@ConfigProperty(name = "ninjaone.requests-per-second") double requestsPerSecond) {
    this.limiter = requestsPerSecond > 0 ? RateLimiter.create(requestsPerSecond, Duration.ofMillis(1)) : null;
  }

  void acquire() {
    if (limiter != null) {
      limiter.acquire();
    }
  }
}
