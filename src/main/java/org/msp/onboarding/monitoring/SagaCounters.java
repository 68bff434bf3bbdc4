package org.msp.onboarding.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;

/**
 * Sagas started / completed / compensated / failed, counted when the transaction that did it
 * commits.
 */
@Startup
@ApplicationScoped
public class SagaCounters {
  private static final Map<String, String> COUNTED_EVENTS =
      Map.of(
          "SagaStarted",
          "started",
          "SagaCompleted",
          "completed",
          "SagaCompensated",
          "compensated",
          "SagaFailed",
          "failed");

  private final MeterRegistry registry;
  private final TransactionSynchronizationRegistry transactions;

  public SagaCounters(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
    this.registry = registry;
    this.transactions = transactions;
    COUNTED_EVENTS.values().forEach(this::counter);
  }

  /**
   * Called with every status event inside its transaction; counts the saga lifecycle ones after
   * commit.
   */
  public void onEvent(String type) {
    String outcome = COUNTED_EVENTS.get(type);
    if (outcome == null) {
      return;
    }
    Counter counter = counter(outcome);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              counter.increment();
            }
          }
        });
  }

  private Counter counter(String outcome) {
    return Counter.builder("onboarding.sagas." + outcome)
        .description("Sagas " + outcome)
        .register(registry);
  }
}
