package org.msp.onboarding.harness;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** The few admin calls the harness needs, with short timeouts so a dead broker fails fast. */
final class KafkaAdmin implements AutoCloseable {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Admin admin;

  KafkaAdmin(String bootstrapServers) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "test-harness-admin",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) CALL_TIMEOUT.toMillis(),
                // While the broker starts, retry the connection often instead of backing off to a
                // second.
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                200));
  }

  /** True once the broker serves metadata and lists itself, i.e. it is registered and unfenced. */
  boolean answers() {
    try {
      return !admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
          .nodes()
          .get(3, TimeUnit.SECONDS)
          .isEmpty();
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Creates missing topics, then waits until the broker's metadata lists them all, so producers can
   * start.
   */
  void createTopics(int partitions, Collection<String> names) {
    List<NewTopic> topics =
        names.stream()
            .map(name -> new NewTopic(name, partitions, (short) 1))
            .collect(Collectors.toList());
    admin.createTopics(topics).values().forEach(this::ignoreExisting);
    await("topics " + names + " visible")
        .atMost(CALL_TIMEOUT)
        .pollDelay(Duration.ZERO)
        .ignoreExceptions()
        .until(() -> admin.describeTopics(names).allTopicNames().get().size() == names.size());
  }

  private void ignoreExisting(String topic, KafkaFuture<Void> creation) {
    try {
      creation.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("creating topic " + topic + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + topic, e);
    }
  }

  @Override
  public void close() {
    // Bounded, so closing an admin whose broker was just killed does not hang the test.
    admin.close(Duration.ofSeconds(5));
  }
}
