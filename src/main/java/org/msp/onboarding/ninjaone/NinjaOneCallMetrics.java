package org.msp.onboarding.ninjaone;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** NinjaOne call latency and status per endpoint (status "none" when no answer came). */
@ApplicationScoped
public class NinjaOneCallMetrics {
  private final MeterRegistry registry;

  public NinjaOneCallMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  Answer timed(String endpoint, Supplier<Answer> call) {
    Timer.Sample sample = Timer.start(registry);
    String status = "none";
    try {
      Answer answer = call.get();
      status = Integer.toString(answer.status());
      return answer;
    } finally {
      sample.stop(
          Timer.builder("ninjaone.calls")
              .description("NinjaOne API calls by endpoint and HTTP status")
              .tag("endpoint", endpoint)
              .tag("status", status)
              .register(registry));
    }
  }
}
