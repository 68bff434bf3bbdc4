package org.msp.onboarding.monitoring;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.msp.onboarding.ninjaone.NinjaOneCallMetrics;
import org.msp.onboarding.runner.SagaMetrics;

/**
 * Histogram buckets for the step and NinjaOne call timers, so Prometheus can compute p50/p95 across
 * pods ({@code histogram_quantile} over {@code _bucket}); a client-side percentile could not be
 * aggregated. Fixed buckets rather than Micrometer's percentile histogram: a dozen series per timer
 * instead of several dozen, spanning a quick call to NinjaOne's 15 s read timeout and beyond.
 */
@Singleton
public class LatencyHistograms {
  static final Set<String> TIMERS = Set.of(SagaMetrics.STEP_DURATION, NinjaOneCallMetrics.CALLS);

  static final List<Duration> BUCKETS =
      List.of(
          Duration.ofMillis(10),
          Duration.ofMillis(25),
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          Duration.ofMillis(250),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofMillis(2500),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60));

  /** Quarkus applies every MeterFilter bean to the registry before the first meter is made. */
  @Produces
  @Singleton
  MeterFilter latencyBuckets() {
    double[] nanos = BUCKETS.stream().mapToDouble(Duration::toNanos).toArray();
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!TIMERS.contains(id.getName())) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(nanos)
            .build()
            .merge(config);
      }
    };
  }
}
