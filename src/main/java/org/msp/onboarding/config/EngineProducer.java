package org.msp.onboarding.config;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.msp.onboarding.saga.RetryPolicy;
import org.msp.onboarding.saga.SagaDefinition;
import org.msp.onboarding.saga.SagaEngine;
import org.msp.onboarding.saga.SagaStep;

/** Builds the plain-Java saga engine from configuration and the step beans. */
@ApplicationScoped
public class EngineProducer {

  @Produces
  @Singleton
  SagaEngine sagaEngine(OnboardingConfig config, @All List<SagaStep> steps) {
    OnboardingConfig.Retry retry = config.retry();
    RetryPolicy policy =
        new RetryPolicy(
            retry.initialDelay(), retry.maxDelay(), retry.maxAttempts(), retry.maxElapsed());
    return new SagaEngine(policy, SagaDefinition.ALL, steps);
  }
}
