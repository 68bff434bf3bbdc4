package org.msp.onboarding.ninjaone;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * NinjaOne call latency and status per endpoint (status "none" when no answer came), and whether
 * NinjaOne currently answers at all (for the ninjaone health group and the circuit, which every
 * result is reported to). The call timer's histogram buckets are set in
 * monitoring.LatencyHistograms.
 */
@ApplicationScoped
public class NinjaOneCallMetrics {
  /** Every NinjaOne call (API and token requests), by endpoint and HTTP status. */
  public static final String CALLS = "ninjaone.calls";

  static final String TOKEN_ENDPOINT = "POST /ws/oauth/token";

  private final MeterRegistry registry;
  private final NinjaOneCircuit circuit;
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private volatile Instant lastAnswer;
  private volatile String lastFailure;

  public NinjaOneCallMetrics(MeterRegistry registry, NinjaOneCircuit circuit) {
    this.registry = registry;
    this.circuit = circuit;
    // What the ninjaone health group turns DOWN on, as a number an alert can read.
    Gauge.builder("ninjaone.calls.consecutive.failures", failuresInARow, AtomicInteger::get)
        .description("NinjaOne calls failed in a row (no answer, 408, 429, 5xx, token failures)")
        .register(registry);
  }

  /**
   * Calls that got no answer, or a 408/429/5xx, and failed token requests, since the last good
   * answer.
   */
  public int failuresInARow() {
    return failuresInARow.get();
  }

  public Instant lastAnswer() {
    return lastAnswer;
  }

  public String lastFailure() {
    return lastFailure;
  }

  Answer timed(String endpoint, Supplier<Answer> call) {
    Timer.Sample sample = Timer.start(registry);
    String status = "none";
    try {
      Answer answer = call.get();
      status = Integer.toString(answer.status());
      track(endpoint, answer.status());
      return answer;
    } catch (RuntimeException e) {
      track(endpoint, 0);
      throw e;
    } finally {
      stop(sample, endpoint, status);
    }
  }

  /**
   * A token request (status "200", or "none" when it failed, whatever the cause): a failure opens
   * the circuit.
   */
  <T> T tokenRequest(Supplier<T> request) {
    Timer.Sample sample = Timer.start(registry);
    String status = "none";
    try {
      T tokens = request.get();
      status = "200";
      return tokens;
    } catch (RuntimeException e) {
      failuresInARow.incrementAndGet();
      lastFailure = TOKEN_ENDPOINT + ": " + e.getMessage();
      circuit.tokenFailed(e.getMessage());
      throw e;
    } finally {
      stop(sample, TOKEN_ENDPOINT, status);
    }
  }

  private void stop(Timer.Sample sample, String endpoint, String status) {
    sample.stop(
        Timer.builder(CALLS)
            .description("NinjaOne calls (API and token requests) by endpoint and HTTP status")
            .tag("endpoint", endpoint)
            .tag("status", status)
            .register(registry));
  }

  private void track(String endpoint, int status) {
    if (status == 0 || status == 408 || status == 429 || status >= 500) {
      failuresInARow.incrementAndGet();
      lastFailure = endpoint + (status == 0 ? ": no answer" : ": HTTP " + status);
      circuit.failed(lastFailure);
    } else {
      failuresInARow.set(0);
      lastAnswer = Instant.now();
      circuit.answered();
    }
  }
}
