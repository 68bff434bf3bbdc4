package org.msp.onboarding.config;

import io.opentelemetry.context.Context;
import io.quarkus.arc.All;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.msp.onboarding.saga.ConcurrentCalls;
import org.msp.onboarding.saga.RetryPolicy;
import org.msp.onboarding.saga.SagaDefinition;
import org.msp.onboarding.saga.SagaEngine;
import org.msp.onboarding.saga.SagaStep;

/** Builds the plain-Java saga engine from configuration and the step beans. */
@ApplicationScoped
public class EngineProducer {
  /**
   * The threads of the steps' side-by-side calls: made when needed, gone after a minute idle; at
   * most workers x (calls at once - 1) are busy. The trace context goes with each call.
   */
  private final ExecutorService callThreads =
      Executors.newCachedThreadPool(
          new java.util.concurrent.ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
              Thread thread = new Thread(task, "step-call-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            }
          });

  @Produces
  @Singleton
  SagaEngine sagaEngine(OnboardingConfig config, @All List<SagaStep> steps) {
    OnboardingConfig.Retry retry = config.retry();
    RetryPolicy policy =
        new RetryPolicy(
            retry.initialDelay(), retry.maxDelay(), retry.maxAttempts(), retry.maxElapsed());
    return new SagaEngine(policy, SagaDefinition.ALL, steps);
  }

  @Produces
  @Singleton
  ConcurrentCalls concurrentCalls(OnboardingConfig config) {
    return new ConcurrentCalls(Context.taskWrapping(callThreads), config.runner().callsAtOnce());
  }

  @PreDestroy
  void stop() {
    callThreads.shutdownNow();
  }
}
