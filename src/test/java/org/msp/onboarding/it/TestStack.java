package org.msp.onboarding.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.msp.onboarding.harness.KafkaBrokerProcess;
import org.msp.onboarding.harness.ScramUser;
import org.msp.onboarding.harness.ServiceProcess;
import org.msp.onboarding.harness.TestDatabase;
import org.msp.onboarding.harness.TestJwt;
import org.msp.onboarding.messaging.Topics;
import org.msp.onboarding.simulator.NinjaOneSimulator;

/**
 * The real stack the integration tests share: a Kafka broker process, a fresh PostgreSQL database,
 * the NinjaOne simulator and the packaged service as a process. Started once per test JVM; tests
 * isolate themselves by using their own client ids and organization names.
 */
public final class TestStack {
  public static final String CLIENT_ID = "onboarding-service";
  public static final String CLIENT_SECRET = "sim-secret-4f9a2c";

  /**
   * The service reaches the broker only through its SCRAM listener: every IT proves the Kafka
   * security settings.
   */
  static final ScramUser KAFKA_USER = new ScramUser("ninjaone-onboarding", "scram-secret-8d1e");

  private static TestStack instance;

  public final KafkaBrokerProcess kafka;
  public final TestDatabase database;
  public final NinjaOneSimulator ninjaOne;
  public final ServiceProcess service;
  public final TestJwt jwt;
  private final String operatorToken;
  private final KafkaProducer<String, byte[]> producer;

  private TestStack(Path workDir) {
    kafka = KafkaBrokerProcess.start(workDir.resolve("kafka"), KAFKA_USER);
    kafka.createTopics(3, Topics.REQUESTS, Topics.REQUESTS_DLQ, Topics.EVENTS);
    database = TestDatabase.create();
    ninjaOne = NinjaOneSimulator.start(0, CLIENT_ID, CLIENT_SECRET);
    jwt = TestJwt.create(workDir);
    operatorToken = jwt.token("it-operator", TestJwt.OPERATOR);
    service = ServiceProcess.start("service", workDir, serviceEnv());
    service.awaitReady(Duration.ofSeconds(90));
    producer = new KafkaProducer<>(producerConfig());
  }

  public static synchronized TestStack get() {
    if (instance == null) {
      Path workDir =
          Path.of(System.getProperty("it.work.dir", "target/it"))
              .resolve("stack-" + ProcessHandle.current().pid());
      instance = new TestStack(workDir);
      Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "test-stack-shutdown"));
    }
    return instance;
  }

  /**
   * Exactly the configuration keys a user sets (README), with test-sized retry and lease timings.
   */
  public Map<String, String> serviceEnv() {
    Map<String, String> env = new LinkedHashMap<>(database.quarkusEnv());
    env.putAll(jwt.serviceEnv());
    env.putAll(KAFKA_USER.serviceEnv(kafka.scramBootstrapServers()));
    env.put("NINJAONE_BASE_URL", ninjaOne.baseUrl());
    env.put("NINJAONE_CLIENT_ID", CLIENT_ID);
    env.put("NINJAONE_CLIENT_SECRET", CLIENT_SECRET);
    env.put(
        "NINJAONE_CATALOG_REREAD_AFTER_MISS",
        "PT0S"); // tests add node roles and expect them seen at once
    env.put("ONBOARDING_RETRY_INITIAL_DELAY", "PT0.2S");
    env.put("ONBOARDING_RETRY_MAX_DELAY", "PT1S");
    env.put("ONBOARDING_RETRY_MAX_ATTEMPTS", "6");
    env.put("ONBOARDING_RUNNER_LEASE", "PT6S");
    env.put("ONBOARDING_RUNNER_HEARTBEAT", "PT2S");
    env.put("ONBOARDING_RUNNER_POLL_INTERVAL", "PT1S");
    env.put("ONBOARDING_STUCK_AFTER", "PT3S");
    env.put("ONBOARDING_GAUGES_INTERVAL", "PT1S");
    env.put("ONBOARDING_AUDIT_REUSE_FOR", "PT0S");
    env.put("ONBOARDING_DEVICES_POLL_INTERVAL", "PT1S");
    env.put("ONBOARDING_DEVICES_CHECK_INTERVAL", "PT1S");
    env.put("ONBOARDING_DEVICES_MAX_CHECK_INTERVAL", "PT4S");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(ServiceProcess.freePort()));
    // Off by default in production; the browser test reads the document.
    env.put("QUARKUS_SMALLRYE_OPENAPI_ENABLED", "true");
    return env;
  }

  public String baseUrl() {
    return service.baseUrl();
  }

  /** A request to the ops API as an operator. */
  public io.restassured.specification.RequestSpecification request() {
    return anonymous().auth().oauth2(operatorToken);
  }

  /** A request to the ops API without any token. */
  public io.restassured.specification.RequestSpecification anonymous() {
    return io.restassured.RestAssured.given().baseUri(service.baseUrl());
  }

  public void publish(String key, byte[] value, RecordHeader... headers) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REQUESTS, key, value);
    for (RecordHeader header : headers) {
      record.headers().add(header);
    }
    try {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + Topics.REQUESTS, e);
    }
  }

  public void publish(Events.Event event) {
    publish(event.clientId(), event.bytes());
  }

  /**
   * Sends all before waiting for any: they travel in one producer batch, so the service polls them
   * together.
   */
  public void publishAll(List<Events.Event> events) {
    List<Future<?>> sent = new ArrayList<>();
    for (Events.Event event : events) {
      sent.add(
          producer.send(new ProducerRecord<>(Topics.REQUESTS, event.clientId(), event.bytes())));
    }
    try {
      for (Future<?> acked : sent) {
        acked.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + Topics.REQUESTS, e);
    }
  }

  private Properties producerConfig() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    return config;
  }

  private void close() {
    try {
      producer.close(Duration.ofSeconds(5));
    } catch (RuntimeException ignored) {
      // shutting down anyway
    }
    service.stop();
    ninjaOne.close();
    kafka.close();
    database.close();
  }
}
