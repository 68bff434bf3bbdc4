package org.msp.onboarding.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.msp.onboarding.harness.KafkaBrokerProcess;
import org.msp.onboarding.it.OutageVariant.Figures;
import org.msp.onboarding.it.OutageVariant.Kind;
import org.msp.onboarding.messaging.Topics;

/**
 * A NinjaOne outage never rolls a saga back (issue 11, section 2). Two outages run side by side,
 * each against a service of its own with the default retry settings: NinjaOne answering 503 to
 * every call (token requests included), and NinjaOne refusing every connection. Requests keep
 * arriving throughout; afterwards every one is onboarded exactly once, and while the circuit was
 * open the service sent NinjaOne only a few probe calls a minute.
 */
// Its own stacks, mostly waiting out the outage: it runs beside the other test classes.
@Execution(ExecutionMode.CONCURRENT)
class NinjaOneOutageIT {
  private static final Duration OUTAGE =
      Duration.ofSeconds(Long.getLong("outage.ninjaone.seconds", 180));
  private static final int REQUESTS = 30;

  /** The longest probe interval (30 s) and the ramp-up, with room for a slow machine. */
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(150);

  /**
   * "A handful of probe calls per minute": a probe is a token request and one read, every 30 s at
   * the longest.
   */
  private static final long MOST_CALLS_PER_MINUTE = 12;

  @Test
  void threeMinutesOfNinjaOneOutageOnboardEveryRequestOnceWithOnlyAFewProbesAMinute()
      throws Exception {
    Path work = Path.of("target", "it", "ninjaone-outage-" + ProcessHandle.current().pid());
    ExecutorService parallel = Executors.newFixedThreadPool(2);
    try (KafkaBrokerProcess kafka = KafkaBrokerProcess.start(work.resolve("kafka"))) {
      kafka.createTopics(
          3,
          Topics.REQUESTS,
          Topics.REQUESTS_DLQ,
          Topics.EVENTS,
          "refused-requests",
          "refused-events");
      List<OutageVariant> variants = new ArrayList<>();
      try {
        variants.add(
            new OutageVariant(
                Kind.UNAVAILABLE_503,
                kafka.bootstrapServers(),
                work.resolve("503"),
                Map.of(
                    "requests", Topics.REQUESTS, "events", Topics.EVENTS, "group", "unavailable")));
        variants.add(
            new OutageVariant(
                Kind.CONNECTIONS_REFUSED,
                kafka.bootstrapServers(),
                work.resolve("refused"),
                Map.of(
                    "requests",
                    "refused-requests",
                    "events",
                    "refused-events",
                    "group",
                    "refused")));
        List<Future<Figures>> running = new ArrayList<>();
        for (OutageVariant variant : variants) {
          running.add(
              parallel.submit(
                  () -> {
                    variant.awaitReady();
                    variant.warmUp();
                    return variant.run(OUTAGE, REQUESTS, DRAIN_TIMEOUT);
                  }));
        }
        List<Figures> figures = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
          try {
            figures.add(running.get(i).get());
          } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(variants.get(i).logTail(), e.getCause());
          }
        }
        figures.forEach(NinjaOneOutageIT::report);
        figures.forEach(NinjaOneOutageIT::check);
      } finally {
        variants.forEach(OutageVariant::close);
      }
    } finally {
      parallel.shutdownNow();
    }
  }

  private static void check(Figures f) {
    assertAll(
        f.kind().name(),
        () ->
            assertEquals(
                Map.of("COMPLETED", (long) REQUESTS), f.statuses(), "every request onboarded"),
        () ->
            assertEquals(List.of(), f.notOnboardedOnce(), "organizations not created exactly once"),
        () -> assertNotNull(f.circuitOpenedAfter(), "the circuit opened"),
        () ->
            assertTrue(
                f.callsPerMinute().size() >= 2,
                "full minutes with the circuit open: " + f.callsPerMinute()),
        () ->
            assertTrue(
                f.callsPerMinute().stream().allMatch(n -> n <= MOST_CALLS_PER_MINUTE),
                "NinjaOne calls per minute with the circuit open: " + f.callsPerMinute()),
        () -> assertTrue(f.probes() > 0, "probes"));
  }

  private static void report(Figures f) {
    System.out.printf(
        "[outage] %s: circuit open %.0f s after the outage began (after %d calls); %d NinjaOne calls"
            + " in the whole %d s outage; per full minute since the circuit opened (service side, answered or not) %s,"
            + " seen by the simulator %s; %d probes; all %d requests completed %.1f s after the outage ended;"
            + " statuses %s%n",
        f.kind(),
        f.circuitOpenedAfter() == null ? -1.0 : f.circuitOpenedAfter().toMillis() / 1000.0,
        f.callsBeforeOpen(),
        f.callsDuringOutage(),
        OUTAGE.toSeconds(),
        f.callsPerMinute(),
        f.simulatorCallsPerMinute(),
        f.probes(),
        REQUESTS,
        f.drain().toMillis() / 1000.0,
        f.statuses());
  }
}
