package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.msp.onboarding.harness.ServiceProcess;
import org.msp.onboarding.harness.TestDatabase;
import org.msp.onboarding.harness.TestJwt;
import org.msp.onboarding.simulator.NinjaOneSimulator;

/**
 * One kind of NinjaOne outage on a stack of its own (simulator, database, service; the broker is
 * shared, with this variant's own request and event topics and consumer group), with the service's
 * default retry and circuit settings. Publishes requests spread over the outage and measures what
 * the service sent NinjaOne meanwhile.
 */
final class OutageVariant implements AutoCloseable {
  /**
   * How the simulator fails: every call 503 (token requests included), or every connection refused.
   */
  enum Kind {
    UNAVAILABLE_503,
    CONNECTIONS_REFUSED
  }

  /**
   * What one variant measured: service-side calls per minute from the circuit's opening, and the
   * drain time.
   */
  record Figures(
      Kind kind,
      Duration circuitOpenedAfter,
      long callsBeforeOpen,
      long callsDuringOutage,
      List<Long> callsPerMinute,
      List<Long> simulatorCallsPerMinute,
      long probes,
      Duration drain,
      Map<String, Long> statuses,
      List<String> notOnboardedOnce) {}

  private final Kind kind;
  private final NinjaOneSimulator ninjaOne;
  private final TestDatabase database;
  private final ServiceProcess service;
  private final KafkaProducer<String, byte[]> producer;
  private final String requestsTopic;
  private final String operatorToken;
  private final ServiceMetrics metrics;

  OutageVariant(Kind kind, String bootstrapServers, Path work, Map<String, String> topics) {
    this.kind = kind;
    this.requestsTopic = topics.get("requests");
    ninjaOne = NinjaOneSimulator.start(0, TestStack.CLIENT_ID, TestStack.CLIENT_SECRET);
    database = TestDatabase.create();
    TestJwt jwt = TestJwt.create(work.resolve("jwt"));
    operatorToken = jwt.token("outage-operator", TestJwt.OPERATOR);
    Map<String, String> env = new LinkedHashMap<>(database.quarkusEnv());
    env.putAll(jwt.serviceEnv());
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    env.put("NINJAONE_BASE_URL", ninjaOne.baseUrl());
    env.put("NINJAONE_CLIENT_ID", TestStack.CLIENT_ID);
    env.put("NINJAONE_CLIENT_SECRET", TestStack.CLIENT_SECRET);
    env.put("MP_MESSAGING_INCOMING_ONBOARDING_REQUESTS_TOPIC", requestsTopic);
    env.put(
        "MP_MESSAGING_INCOMING_ONBOARDING_REQUESTS_GROUP_ID", "onboarding-" + topics.get("group"));
    env.put("MP_MESSAGING_OUTGOING_ONBOARDING_EVENTS_TOPIC", topics.get("events"));
    env.put("QUARKUS_HTTP_PORT", Integer.toString(ServiceProcess.freePort()));
    service =
        ServiceProcess.start(
            kind.name().toLowerCase(), work, env); // no ONBOARDING_RETRY_*: the defaults
    producer = new KafkaProducer<>(producerConfig(bootstrapServers));
    metrics = new ServiceMetrics(() -> service.baseUrl());
  }

  void awaitReady() {
    service.awaitReady(Duration.ofSeconds(120));
  }

  /**
   * The refused variant onboards one client first, so the service holds a token and the circuit
   * must open on failed calls; the 503 variant starts without one, so the token request fails
   * first.
   */
  void warmUp() {
    if (kind == Kind.CONNECTIONS_REFUSED) {
      Events.Event first = Events.newClient("outage-warm-up");
      publish(first);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> statusesOf(Set.of(first.clientId())).containsKey("COMPLETED"));
    }
  }

  /**
   * Fails NinjaOne for {@code outage} while the requests arrive evenly spread over it; then brings
   * it back.
   */
  Figures run(Duration outage, int requests, Duration drainTimeout) throws InterruptedException {
    List<Events.Event> events = new ArrayList<>();
    List<ServiceMetrics.Sample> samples = new ArrayList<>();
    Instant start = Instant.now();
    beginOutage();
    Duration gap = outage.dividedBy(requests);
    while (Instant.now().isBefore(start.plus(outage))) {
      if (events.size() < requests
          && !Instant.now().isBefore(start.plus(gap.multipliedBy(events.size())))) {
        Events.Event event = Events.newClient("outage-" + kind.name().toLowerCase());
        publish(event);
        events.add(event);
      }
      samples.add(metrics.sample());
      Thread.sleep(1000);
    }
    endOutage();
    Instant end = Instant.now();
    Set<String> clients = events.stream().map(Events.Event::clientId).collect(Collectors.toSet());
    await()
        .atMost(drainTimeout)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> statusesOf(clients).getOrDefault("COMPLETED", 0L) == clients.size());
    Duration drain = Duration.between(end, Instant.now());
    List<String> notOnce =
        events.stream()
            .filter(e -> ninjaOne.organizationsNamed(e.organizationName()).size() != 1)
            .map(Events.Event::organizationName)
            .toList();
    return figures(samples, start, end, drain, statusesOf(clients), notOnce);
  }

  private Figures figures(
      List<ServiceMetrics.Sample> samples,
      Instant start,
      Instant end,
      Duration drain,
      Map<String, Long> statuses,
      List<String> notOnce) {
    ServiceMetrics.Sample opened =
        samples.stream().filter(s -> s.circuitState() != 0).findFirst().orElse(null);
    if (opened == null) {
      return new Figures(kind, null, 0, 0, List.of(), List.of(), 0, drain, statuses, notOnce);
    }
    List<Long> perMinute = new ArrayList<>();
    List<Long> simulatorPerMinute = new ArrayList<>();
    List<org.msp.onboarding.simulator.SimCall> seen = ninjaOne.calls();
    for (Instant from = opened.at();
        !from.plusSeconds(60).isAfter(end);
        from = from.plusSeconds(60)) {
      Instant since = from;
      Instant to = from.plusSeconds(60);
      perMinute.add(ServiceMetrics.callsBetween(samples, since, to));
      simulatorPerMinute.add(
          seen.stream().filter(c -> !c.at().isBefore(since) && c.at().isBefore(to)).count());
    }
    ServiceMetrics.Sample first = samples.get(0);
    ServiceMetrics.Sample last = samples.get(samples.size() - 1);
    return new Figures(
        kind,
        Duration.between(start, opened.at()),
        opened.calls() - first.calls(),
        last.calls() - first.calls(),
        perMinute,
        simulatorPerMinute,
        last.probes(),
        drain,
        statuses,
        notOnce);
  }

  private void beginOutage() {
    if (kind == Kind.UNAVAILABLE_503) {
      ninjaOne.failNext("*", "/ws/oauth/token|/v2/.*|/api/v2/.*", Integer.MAX_VALUE, 503);
    } else {
      ninjaOne.stopListening();
    }
  }

  private void endOutage() {
    if (kind == Kind.UNAVAILABLE_503) {
      ninjaOne.resetFaults();
    } else {
      ninjaOne.resumeListening();
    }
  }

  /** Status to count among the given clients' sagas. */
  private Map<String, Long> statusesOf(Set<String> clients) {
    List<Map<String, Object>> sagas =
        RestAssured.given()
            .baseUri(service.baseUrl())
            .auth()
            .oauth2(operatorToken)
            .queryParam("pageSize", 100)
            .get("/api/v1/sagas")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("sagas");
    return sagas.stream()
        .filter(s -> clients.contains((String) s.get("clientId")))
        .collect(
            Collectors.groupingBy(
                s -> (String) s.get("status"), TreeMap::new, Collectors.counting()));
  }

  private void publish(Events.Event event) {
    try {
      producer.send(new ProducerRecord<>(requestsTopic, event.clientId(), event.bytes())).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + requestsTopic, e);
    }
  }

  private static Properties producerConfig(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return config;
  }

  String logTail() {
    return service.logTail(60);
  }

  @Override
  public void close() {
    for (AutoCloseable part :
        new AutoCloseable[] {
          () -> producer.close(Duration.ofSeconds(5)), service, ninjaOne, database
        }) {
      try {
        part.close();
      } catch (Exception ignored) {
        // closing anyway
      }
    }
  }
}
