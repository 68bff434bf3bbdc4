package org.msp.onboarding.runner;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.Work;

/**
 * Step durations and outcomes (retries included), per step and phase. The duration timer's
 * histogram buckets are set in monitoring.LatencyHistograms.
 */
@ApplicationScoped
public class SagaMetrics {
  /** One run of a step or of its compensation, by step, phase and outcome. */
  public static final String STEP_DURATION = "onboarding.step.duration";

  private final MeterRegistry registry;

  public SagaMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void stepRan(Work work, StepOutcome outcome, long nanos) {
    Timer.builder(STEP_DURATION)
        .description("Duration of one run of a saga step or of its compensation")
        .tag("step", work.step().name())
        .tag("phase", work.phase().name())
        .tag("outcome", outcome.getClass().getSimpleName())
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    if (outcome instanceof StepOutcome.RetryLater) {
      registry
          .counter(
              "onboarding.step.retries", "step", work.step().name(), "phase", work.phase().name())
          .increment();
    }
  }

  /** An outcome that could not be recorded: permanent ones count towards halting the saga. */
  void recordFailed(Work work, boolean permanent) {
    registry
        .counter(
            "onboarding.saga.record.failures",
            "step",
            work.step().name(),
            "phase",
            work.phase().name(),
            "kind",
            permanent ? "permanent" : "transient")
        .increment();
  }
}
