package org.msp.onboarding.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.msp.onboarding.saga.SagaEvent;

/** Sagas started / completed / compensated / failed, counted once the transition is committed. */
@Startup
@ApplicationScoped
public class SagaCounters {
  private final Counter started;
  private final Counter completed;
  private final Counter compensated;
  private final Counter failed;

  public SagaCounters(MeterRegistry registry) {
    started = counter(registry, "started");
    completed = counter(registry, "completed");
    compensated = counter(registry, "compensated");
    failed = counter(registry, "failed");
  }

  void onStarted(@Observes(during = TransactionPhase.AFTER_SUCCESS) SagaEvent.Started e) {
    started.increment();
  }

  void onCompleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) SagaEvent.Completed e) {
    completed.increment();
  }

  void onCompensated(@Observes(during = TransactionPhase.AFTER_SUCCESS) SagaEvent.Compensated e) {
    compensated.increment();
  }

  void onFailed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SagaEvent.Failed e) {
    failed.increment();
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("onboarding.sagas." + outcome)
        .description("Sagas " + outcome)
        .register(registry);
  }
}
