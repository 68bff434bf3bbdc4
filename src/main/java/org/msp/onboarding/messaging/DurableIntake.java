package org.msp.onboarding.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.msp.onboarding.runner.SagaIntake;

/**
 * A valid request must never reach the DLQ because PostgreSQL was briefly away: the intake
 * transaction is retried (each try a new transaction) and the partitions wait, their offsets
 * uncommitted.
 */
@ApplicationScoped
public class DurableIntake {
  private final SagaIntake intake;

  public DurableIntake(SagaIntake intake) {
    this.intake = intake;
  }

  /** One transaction for a poll's valid requests; a result per request, in order. */
  @Retry(maxRetries = -1, delay = 200, maxDuration = 24, durationUnit = ChronoUnit.HOURS)
  @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
  public List<SagaIntake.Result> acceptAll(List<SagaIntake.Request> requests) {
    return QuarkusTransaction.requiringNew().call(() -> intake.acceptAll(requests));
  }
}
