package org.msp.onboarding.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.msp.onboarding.harness.KafkaBrokerProcess;
import org.msp.onboarding.harness.ServiceProcess;
import org.msp.onboarding.harness.TestDatabase;
import org.msp.onboarding.harness.TestJwt;
import org.msp.onboarding.messaging.Topics;
import org.msp.onboarding.simulator.NinjaOneSimulator;

/**
 * The README's first command (./run-local): the whole product on this machine without Docker.
 * Starts a Kafka broker process, a fresh PostgreSQL database (the configured server, else an
 * embedded one), the NinjaOne simulator and the packaged service; publishes examples/*.json; prints
 * each saga's progress until all have ended; keeps running until Ctrl-C, which stops everything it
 * started.
 */
public final class LocalRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalRun() {}

  public static void main(String[] args) throws Exception {
    StopOnExit stops = new StopOnExit();
    try {
      run(stops);
    } catch (Exception e) {
      if (!stops.stopping()) {
        throw e;
      }
      // Ctrl-C while starting or following the sagas: the parts are going away under this thread,
      // as asked.
    }
  }

  private static void run(StopOnExit stops) throws Exception {
    Path work = Path.of("target", "local-run");
    Files.createDirectories(work);
    int httpPort = Integer.parseInt(System.getenv().getOrDefault("QUARKUS_HTTP_PORT", "8080"));
    int simulatorPort = Integer.parseInt(System.getenv().getOrDefault("SIMULATOR_PORT", "8090"));

    say("starting Kafka broker (KRaft) ...");
    KafkaBrokerProcess kafka =
        stops.add("the Kafka broker", KafkaBrokerProcess.start(work.resolve("kafka")));
    kafka.createTopics(3, Topics.REQUESTS, Topics.REQUESTS_DLQ, Topics.EVENTS);
    say("Kafka at " + kafka.bootstrapServers());
    TestDatabase database = stops.add("PostgreSQL", TestDatabase.create());
    say("PostgreSQL: " + database.description());
    NinjaOneSimulator ninjaOne =
        stops.add(
            "the NinjaOne simulator",
            NinjaOneSimulator.start(simulatorPort, "local-client", "local-secret"));
    say("NinjaOne simulator at " + ninjaOne.baseUrl());

    TestJwt jwt = TestJwt.create(work);
    Map<String, String> env = new LinkedHashMap<>(database.quarkusEnv());
    env.putAll(jwt.serviceEnv());
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("NINJAONE_BASE_URL", ninjaOne.baseUrl());
    env.put("NINJAONE_CLIENT_ID", "local-client");
    env.put("NINJAONE_CLIENT_SECRET", "local-secret");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
    say(
        "starting the service on port "
            + httpPort
            + " (log: "
            + work.resolve("service-service.log")
            + ") ...");
    ServiceProcess service = stops.add("the service", ServiceProcess.start("service", work, env));
    service.awaitReady(Duration.ofSeconds(120));
    say("service ready:");
    say(
        "  API      "
            + service.baseUrl()
            + "/api/v1/sagas  (OpenAPI UI: "
            + service.baseUrl()
            + "/q/swagger-ui)");
    say("  console  " + service.baseUrl() + "/console  (sign in with the token below)");

    String token = jwt.token("local-operator", TestJwt.OPERATOR, TestJwt.VIEWER);
    say("operator token (8 h): export TOKEN=" + token);
    say("  curl -s -H \"Authorization: Bearer $TOKEN\" " + service.baseUrl() + "/api/v1/sagas");
    List<JsonNode> events = publishExamples(kafka.bootstrapServers(), Path.of("examples"));
    new ProgressPrinter(service.baseUrl(), token).followUntilDone(events);
    say("all sagas have ended. Ctrl-C stops everything.");
    new CountDownLatch(1).await();
  }

  private static List<JsonNode> publishExamples(String bootstrap, Path folder) throws Exception {
    Properties config = new Properties();
    config.put("bootstrap.servers", bootstrap);
    config.put("key.serializer", StringSerializer.class.getName());
    config.put("value.serializer", ByteArraySerializer.class.getName());
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<JsonNode> events = new java.util.ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      for (Path file : files) {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode event = JSON.readTree(bytes);
        producer
            .send(new ProducerRecord<>(Topics.REQUESTS, event.path("clientId").asText(), bytes))
            .get();
        events.add(event);
        say(
            "published "
                + file.getFileName()
                + " (clientId "
                + event.path("clientId").asText()
                + ")");
      }
    }
    return events;
  }

  static void say(String line) {
    System.out.println("[run-local] " + line);
  }

  /** Polls the ops API and prints every status or step change. */
  private static final class ProgressPrinter {
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> lastSeen = new LinkedHashMap<>();
    private final String token;

    ProgressPrinter(String baseUrl, String token) {
      this.baseUrl = baseUrl;
      this.token = token;
    }

    void followUntilDone(List<JsonNode> events) throws Exception {
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (System.nanoTime() < deadline) {
        int ended = 0;
        for (JsonNode event : events) {
          String clientId = event.path("clientId").asText();
          JsonNode sagas = get("/api/v1/sagas?clientId=" + clientId).path("sagas");
          if (sagas.isEmpty()) {
            continue;
          }
          JsonNode saga = get("/api/v1/sagas/" + sagas.get(0).path("id").asText());
          report(clientId, saga);
          String status = saga.path("status").asText();
          if (!status.equals("RUNNING") && !status.equals("COMPENSATING")) {
            ended++;
          }
        }
        if (ended == events.size()) {
          return;
        }
        Thread.sleep(500);
      }
      say("some sagas are still running after 5 minutes; see GET " + baseUrl + "/api/v1/sagas");
    }

    private void report(String clientId, JsonNode saga) {
      StringBuilder steps = new StringBuilder();
      for (JsonNode step : saga.path("steps")) {
        steps
            .append(' ')
            .append(step.path("name").asText())
            .append('=')
            .append(step.path("status").asText());
      }
      String line =
          saga.path("status").asText()
              + " "
              + saga.path("organizationName").asText()
              + (saga.path("organizationId").isMissingNode() || saga.path("organizationId").isNull()
                  ? ""
                  : " (NinjaOne org " + saga.path("organizationId").asText() + ")")
              + " |"
              + steps;
      if (!line.equals(lastSeen.put(clientId, line))) {
        say(clientId + ": " + line);
      }
    }

    private JsonNode get(String path) throws Exception {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + path))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    }
  }
}
