package org.msp.onboarding.inbound;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.msp.onboarding.persistence.SagaIntake;
import org.msp.onboarding.saga.request.OnboardingRequest;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * A valid request must never reach the DLQ because PostgreSQL was briefly away: the intake transaction is
 * retried (each try a new transaction) and the partition waits, its offset uncommitted.
 */
@ApplicationScoped
public class DurableIntake {
  private final SagaIntake intake;

  public DurableIntake(SagaIntake intake) {
    this.intake = intake;
  }

  @Retry(maxRetries = -1, delay = 200, maxDuration = 24, durationUnit = ChronoUnit.HOURS, abortOn = InvalidRequestException.class)
  @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
  public SagaIntake.Result accept(OnboardingRequest request, String traceparent) {
    return QuarkusTransaction.requiringNew().call(() -> intake.accept(request, traceparent));
  }
}
