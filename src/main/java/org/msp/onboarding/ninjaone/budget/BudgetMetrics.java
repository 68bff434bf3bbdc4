package org.msp.onboarding.ninjaone.budget;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What the request budget does: the rate in force, how long calls wait, and what it costs. */
public final class BudgetMetrics {
  private final AtomicLong effectiveRateMillis = new AtomicLong();
  private final Timer waits;
  private final Counter reservations;
  private final Counter missedSlots;
  private final Counter throttles;

  public BudgetMetrics(MeterRegistry registry) {
    Gauge.builder(
            "ninjaone.budget.effective.rate", effectiveRateMillis, millis -> millis.get() / 1000.0)
        .description(
            "NinjaOne requests per second the tenant's instances currently share (lowered after a 429)")
        .register(registry);
    waits =
        Timer.builder("ninjaone.budget.wait")
            .description("Time a NinjaOne call waited for its turn in the request budget")
            .register(registry);
    reservations =
        Counter.builder("ninjaone.budget.reservations")
            .description("Batches of request slots reserved (one PostgreSQL round trip each)")
            .register(registry);
    missedSlots =
        Counter.builder("ninjaone.budget.missed.slots")
            .description("Request slots given up because the call was not ready in time")
            .register(registry);
    throttles =
        Counter.builder("ninjaone.budget.throttles")
            .description("NinjaOne answers that reported throttling (429)")
            .register(registry);
  }

  void effectiveRate(double rate) {
    effectiveRateMillis.set(Math.round(rate * 1000));
  }

  void waited(long nanos) {
    waits.record(nanos, TimeUnit.NANOSECONDS);
  }

  void reserved() {
    reservations.increment();
  }

  void missed() {
    missedSlots.increment();
  }

  void throttled() {
    throttles.increment();
  }
}
