package org.msp.onboarding.runner;

import io.opentelemetry.context.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.msp.onboarding.config.OnboardingConfig;
import org.msp.onboarding.saga.ConcurrentCalls;

/**
 * The threads of the steps' side-by-side calls: made when needed, gone after a minute idle; at most
 * workers x (calls at once - 1) are busy. The trace context goes with each call.
 */
@ApplicationScoped
class StepCallThreads {
  private final ExecutorService threads =
      Executors.newCachedThreadPool(SagaRunner.named("step-call"));

  @Produces
  @Singleton
  ConcurrentCalls concurrentCalls(OnboardingConfig config) {
    return new ConcurrentCalls(Context.taskWrapping(threads), config.runner().callsAtOnce());
  }

  @PreDestroy
  void stop() {
    threads.shutdownNow();
  }
}
