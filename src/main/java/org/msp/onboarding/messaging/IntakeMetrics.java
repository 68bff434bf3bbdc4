package org.msp.onboarding.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** Registered at start, so the DLQ counter is scraped (as 0) before the first dead letter. */
@Startup
@ApplicationScoped
public class IntakeMetrics {
  private final Counter deadLettered;

  public IntakeMetrics(MeterRegistry registry) {
    deadLettered =
        Counter.builder("onboarding.requests.dead.lettered")
            .description("Onboarding requests sent to the dead-letter topic")
            .register(registry);
  }

  void deadLettered() {
    deadLettered.increment();
  }
}
