package org.msp.onboarding.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (a random delay between zero and the exponential cap), so
 * that many sagas failing together do not retry together; NinjaOne's Retry-After is a floor, capped
 * at a day. Retries end when the step has been failing for {@code maxElapsed}, or after {@code
 * maxAttempts} attempts (0: no count limit).
 */
public record RetryPolicy(
    Duration initialDelay, Duration maxDelay, int maxAttempts, Duration maxElapsed) {
  static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);

  /** The delay before the next attempt, after {@code attemptsSoFar} attempts (at least 1). */
  public Duration delayAfter(int attemptsSoFar, Duration retryAfter, RandomGenerator random) {
    long capMillis = cap(attemptsSoFar).toMillis();
    Duration delay = Duration.ofMillis(random.nextLong(capMillis + 1));
    if (retryAfter != null && !retryAfter.isNegative()) {
      Duration floor =
          retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter;
      return delay.compareTo(floor) < 0 ? floor : delay;
    }
    return delay;
  }

  /** initialDelay * 2^(attempts-1), never above maxDelay. */
  Duration cap(int attemptsSoFar) {
    int doublings = Math.min(Math.max(attemptsSoFar - 1, 0), 30);
    long millis = initialDelay.toMillis() << doublings;
    return millis > maxDelay.toMillis() || millis < 0 ? maxDelay : Duration.ofMillis(millis);
  }

  /** The count limit alone (for work without a failure clock, such as tag-job targets). */
  public boolean exhausted(int attemptsSoFar) {
    return maxAttempts > 0 && attemptsSoFar >= maxAttempts;
  }

  /** Out of attempts, or failing since {@code firstFailureAt} for at least {@code maxElapsed}. */
  public boolean exhausted(int attemptsSoFar, Instant firstFailureAt, Instant now) {
    return exhausted(attemptsSoFar)
        || (firstFailureAt != null
            && Duration.between(firstFailureAt, now).compareTo(maxElapsed) >= 0);
  }
}
