package org.msp.onboarding.monitoring;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.HealthGroup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.msp.onboarding.messaging.Topics;

/**
 * Kafka in its own health group (/q/health/group/kafka), not in readiness: while the brokers are
 * away the ops API and the console still answer from PostgreSQL, and intake and the outbox relay
 * resume by themselves. UP when the brokers describe the three topics (so a missing topic is
 * reported too).
 */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {
  static final List<String> TOPICS = List.of(Topics.REQUESTS, Topics.REQUESTS_DLQ, Topics.EVENTS);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Map<String, Object> kafkaConfig;
  private Admin admin;

  /**
   * The same client settings (bootstrap servers, TLS, SASL) as the channels and the dead-letter
   * writer.
   */
  public KafkaHealthCheck(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
    this.kafkaConfig = kafkaConfig;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      admin()
          .describeTopics(TOPICS, new DescribeTopicsOptions().timeoutMs((int) TIMEOUT.toMillis()))
          .allTopicNames()
          .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
      return HealthCheckResponse.named("Kafka")
          .up()
          .withData("topics", String.join(",", TOPICS))
          .build();
    } catch (ExecutionException e) {
      return down(e.getCause());
    } catch (TimeoutException e) {
      return down(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down(e);
    }
  }

  private static HealthCheckResponse down(Throwable reason) {
    return HealthCheckResponse.named("Kafka")
        .down()
        .withData("error", String.valueOf(reason))
        .build();
  }

  private synchronized Admin admin() {
    if (admin == null) {
      Map<String, Object> config = new HashMap<>(kafkaConfig);
      config.put(AdminClientConfig.CLIENT_ID_CONFIG, "onboarding-health");
      config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
      admin = Admin.create(config);
    }
    return admin;
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
  }
}
