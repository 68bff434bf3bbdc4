package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.msp.onboarding.harness.KafkaBrokerProcess;
import org.msp.onboarding.harness.ServiceProcess;
import org.msp.onboarding.harness.StoppablePostgres;
import org.msp.onboarding.harness.TestJwt;
import org.msp.onboarding.messaging.Topics;
import org.msp.onboarding.simulator.NinjaOneSimulator;

/**
 * Probes that match what is broken, on a stack of its own (broker, PostgreSQL server, simulator,
 * service), so the outages touch no other test: PostgreSQL away for longer than the Kafka channel's
 * former 60 s limit keeps liveness UP and intake resumes by itself; the broker away keeps the ops
 * API ready, reports the kafka group DOWN, and everything resumes when it returns.
 */
// Its own stack, mostly waiting out outages: it runs beside the other test classes; its own tests
// one by one.
@Execution(ExecutionMode.CONCURRENT)
class OutageProbesIT {
  private static final Duration POSTGRES_OUTAGE =
      Duration.ofSeconds(Long.getLong("outage.postgres.seconds", 75));
  private static final Duration BROKER_OUTAGE =
      Duration.ofSeconds(Long.getLong("outage.broker.seconds", 30));
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static KafkaBrokerProcess kafka;
  private static StoppablePostgres postgres;
  private static NinjaOneSimulator ninjaOne;
  private static TestJwt jwt;
  private static ServiceProcess service;
  private static KafkaProducer<String, byte[]> producer;

  @BeforeAll
  static void startOwnStack() {
    Path work = Path.of("target", "it", "outage-" + ProcessHandle.current().pid());
    kafka = KafkaBrokerProcess.start(work.resolve("kafka"));
    kafka.createTopics(2, Topics.REQUESTS, Topics.REQUESTS_DLQ, Topics.EVENTS);
    postgres = StoppablePostgres.start(work.resolve("postgres"));
    ninjaOne = NinjaOneSimulator.start(0, TestStack.CLIENT_ID, TestStack.CLIENT_SECRET);
    jwt = TestJwt.create(work.resolve("jwt"));
    Map<String, String> env = new LinkedHashMap<>(postgres.quarkusEnv());
    env.putAll(jwt.serviceEnv());
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("NINJAONE_BASE_URL", ninjaOne.baseUrl());
    env.put("NINJAONE_CLIENT_ID", TestStack.CLIENT_ID);
    env.put("NINJAONE_CLIENT_SECRET", TestStack.CLIENT_SECRET);
    env.put("ONBOARDING_RUNNER_POLL_INTERVAL", "PT1S");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(ServiceProcess.freePort()));
    service = ServiceProcess.start("outage", work, env);
    service.awaitReady(Duration.ofSeconds(90));
    producer = new KafkaProducer<>(producerConfig());
  }

  @AfterAll
  static void stopOwnStack() {
    for (AutoCloseable part :
        new AutoCloseable[] {
          () -> producer.close(Duration.ofSeconds(5)), service, ninjaOne, kafka, postgres
        }) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (Exception e) {
        System.err.println("[outage] closing: " + e);
      }
    }
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  void postgresOutageLongerThanTheChannelLimitKeepsLivenessUpAndIntakeResumesByItself()
      throws Exception {
    Events.Event before = publish("pg-before");
    awaitStatus(before.clientId(), "COMPLETED");

    postgres.stop();
    Events.Event during = publish("pg-during");
    List<String> livenessFailures = new ArrayList<>();
    boolean readinessWentDown = false;
    long end = System.nanoTime() + POSTGRES_OUTAGE.toNanos();
    while (System.nanoTime() < end) {
      Answer live = health("/q/health/live");
      if (live.status() != 200) {
        livenessFailures.add(live.toString());
      }
      readinessWentDown |= health("/q/health/ready").status() == 503;
      Thread.sleep(1000);
    }
    postgres.startAgain();

    assertEquals(
        List.of(),
        livenessFailures,
        "liveness during the PostgreSQL outage\n" + service.logTail(60));
    assertTrue(readinessWentDown, "readiness reports PostgreSQL down");
    await("ready again")
        .atMost(Duration.ofSeconds(60))
        .until(() -> health("/q/health/ready").status() == 200);
    awaitStatus(during.clientId(), "COMPLETED");
    assertEquals(200, health("/q/health/live").status());
    awaitStatus(publish("pg-after").clientId(), "COMPLETED");
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  void brokerOutageKeepsTheOpsApiReadyReportsKafkaDownAndEverythingResumes() throws Exception {
    Events.Event before = publish("kafka-before");
    String sagaId = awaitStatus(before.clientId(), "COMPLETED");

    kafka.stop();
    // A rollback during the outage: its status events wait in the outbox until the broker is back.
    operator().post("/api/v1/sagas/" + sagaId + "/compensate").then().statusCode(202);
    await("kafka group DOWN")
        .atMost(Duration.ofSeconds(20))
        .until(() -> health("/q/health/group/kafka").status() == 503);
    long end = System.nanoTime() + BROKER_OUTAGE.toNanos();
    List<String> failures = new ArrayList<>();
    while (System.nanoTime() < end) {
      for (String probe : List.of("/q/health/live", "/q/health/ready")) {
        Answer answer = health(probe);
        if (answer.status() != 200) {
          failures.add(probe + " " + answer);
        }
      }
      int api = operator().get("/api/v1/sagas?pageSize=5").statusCode();
      if (api != 200) {
        failures.add("ops API " + api);
      }
      Thread.sleep(1000);
    }
    assertEquals(List.of(), failures, "during the broker outage\n" + service.logTail(60));
    awaitStatus(before.clientId(), "COMPENSATED");

    kafka.restart();
    await("kafka group UP")
        .atMost(Duration.ofSeconds(60))
        .until(() -> health("/q/health/group/kafka").status() == 200);
    awaitStatus(publish("kafka-after").clientId(), "COMPLETED");
    await("outbox relayed").atMost(Duration.ofSeconds(60)).until(() -> outboxRows() == 0);
    assertEquals(200, health("/q/health/live").status());
  }

  private record Answer(int status, String body) {}

  private static Answer health(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
            .timeout(Duration.ofSeconds(8))
            .GET()
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (Exception e) {
      return new Answer(-1, e.toString());
    }
  }

  private static RequestSpecification operator() {
    return RestAssured.given()
        .baseUri(service.baseUrl())
        .auth()
        .oauth2(jwt.token("otto", TestJwt.OPERATOR));
  }

  private static Events.Event publish(String label) throws Exception {
    Events.Event event = Events.newClient(label);
    producer.send(new ProducerRecord<>(Topics.REQUESTS, event.clientId(), event.bytes())).get();
    return event;
  }

  /** Waits for the client's saga to reach the status; returns its id. */
  private static String awaitStatus(String clientId, String status) {
    String[] id = new String[1];
    await(clientId + " " + status)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              List<Map<String, Object>> sagas =
                  operator()
                      .queryParam("clientId", clientId)
                      .get("/api/v1/sagas")
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath()
                      .getList("sagas");
              id[0] = sagas.size() == 1 ? (String) sagas.get(0).get("id") : null;
              return id[0] != null && status.equals(sagas.get(0).get("status"));
            });
    return id[0];
  }

  private static long outboxRows() throws Exception {
    try (Connection connection = postgres.connect();
        Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM outbox_event")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Properties producerConfig() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return config;
  }
}
