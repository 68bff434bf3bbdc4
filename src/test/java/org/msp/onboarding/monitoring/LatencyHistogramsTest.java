package org.msp.onboarding.monitoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.ninjaone.NinjaOneCallMetrics;
import org.msp.onboarding.runner.SagaMetrics;

class LatencyHistogramsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  LatencyHistogramsTest() {
    registry.config().meterFilter(new LatencyHistograms().latencyBuckets());
  }

  private double[] bucketBounds(String timer) {
    Timer t = Timer.builder(timer).tag("step", "CREATE_ORGANIZATION").register(registry);
    t.record(Duration.ofMillis(30));
    return Arrays.stream(t.takeSnapshot().histogramCounts())
        .mapToDouble(b -> b.bucket(TimeUnit.SECONDS))
        .toArray();
  }

  @Test
  void stepAndNinjaOneCallTimersGetTheFixedBucketsFromTenMillisecondsToAMinute() {
    double[] expected = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
    assertArrayEquals(expected, bucketBounds(SagaMetrics.STEP_DURATION), 1e-9);
    assertArrayEquals(expected, bucketBounds(NinjaOneCallMetrics.CALLS), 1e-9);
  }

  @Test
  void aSampleIsCountedInEveryBucketAtOrAboveIt() {
    Timer t = Timer.builder(NinjaOneCallMetrics.CALLS).register(registry);
    t.record(Duration.ofMillis(30));
    CountAtBucket[] counts = t.takeSnapshot().histogramCounts();
    assertEquals(0, counts[1].count(), "25 ms");
    assertEquals(1, counts[2].count(), "50 ms");
  }

  @Test
  void otherTimersKeepNoHistogram() {
    assertEquals(0, bucketBounds("ninjaone.budget.wait").length);
  }
}
