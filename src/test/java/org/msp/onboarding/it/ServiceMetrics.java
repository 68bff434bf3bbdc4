package org.msp.onboarding.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The service's NinjaOne meters as /q/metrics shows them, sampled: the calls it sent (API and token
 * requests, answered or not, so also the ones a closed port refused), the circuit's state and its
 * probes.
 */
final class ServiceMetrics {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  record Sample(Instant at, long calls, int circuitState, long probes) {}

  private final Supplier<String> baseUrl;

  ServiceMetrics(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
  }

  Sample sample() {
    String text = scrape();
    long calls = 0;
    int state = 0;
    long probes = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("ninjaone_calls_seconds_count{")) {
        calls += (long) value(line);
      } else if (line.startsWith("ninjaone_circuit_state")) {
        state = (int) value(line);
      } else if (line.startsWith("ninjaone_circuit_probes_total{")) {
        probes += (long) value(line);
      }
    }
    return new Sample(Instant.now(), calls, state, probes);
  }

  /** Calls sent between two instants, read from the samples nearest to them (one a second). */
  static long callsBetween(List<Sample> samples, Instant from, Instant to) {
    return at(samples, to).calls() - at(samples, from).calls();
  }

  private static Sample at(List<Sample> samples, Instant when) {
    Sample last = samples.get(0);
    for (Sample sample : samples) {
      if (sample.at().isAfter(when)) {
        return last;
      }
      last = sample;
    }
    return last;
  }

  /**
   * The sample's value: the first field after the labels (an OpenMetrics exemplar may follow it).
   */
  private static double value(String line) {
    int labelsEnd =
        line.lastIndexOf('}', line.contains(" # {") ? line.indexOf(" # {") : line.length());
    String rest = line.substring(labelsEnd < 0 ? line.indexOf(' ') : labelsEnd + 1).strip();
    return Double.parseDouble(rest.split(" ")[0]);
  }

  private String scrape() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl.get() + "/q/metrics"))
              .timeout(Duration.ofSeconds(5))
              .GET()
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception e) {
      throw new IllegalStateException("metrics not readable", e);
    }
  }
}
