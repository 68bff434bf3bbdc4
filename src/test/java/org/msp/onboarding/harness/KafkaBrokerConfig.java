package org.msp.onboarding.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the files a single-node KRaft broker needs: server.properties and a log4j (reload4j)
 * config.
 */
final class KafkaBrokerConfig {

  private KafkaBrokerConfig() {}

  /** Name of the optional listener that authenticates clients with SASL SCRAM-SHA-512 (no TLS). */
  static final String SCRAM_LISTENER = "SCRAM";

  /**
   * The broker config for one node acting as both broker and controller, everything on 127.0.0.1;
   * with a {@code scramPort} above 0, a second client listener there that requires SCRAM-SHA-512
   * credentials.
   */
  static Map<String, String> serverProperties(
      int port, int controllerPort, int scramPort, Path logDir) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    String scram = scramPort > 0 ? "," + SCRAM_LISTENER + "://127.0.0.1:" + scramPort : "";
    p.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort + scram);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + scram);
    p.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
            + (scramPort > 0 ? "," + SCRAM_LISTENER + ":SASL_PLAINTEXT" : ""));
    if (scramPort > 0) {
      p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
      p.put(
          "listener.name." + SCRAM_LISTENER.toLowerCase() + ".scram-sha-512.sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    }
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    // Tests must create their topics on purpose; a typo should fail, not silently create a topic.
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "1");
    // One node: every internal topic has exactly one replica, or the broker waits for replicas
    // forever.
    p.put("default.replication.factor", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    // Fewer internal partitions: the first consumer group and transaction start much faster.
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.num.partitions", "1");
    // Consumers join at once instead of waiting 3 s for more members.
    p.put("group.initial.rebalance.delay.ms", "0");
    // After a SIGKILL the restarted controller still holds the dead incarnation's registration and
    // refuses the new one until that session expires: 9 s by default, 3 s here.
    p.put("broker.session.timeout.ms", "3000");
    p.put("broker.heartbeat.interval.ms", "500");
    // The default 128 MB compaction buffer would take a quarter of the 512 MB heap for nothing.
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
    return p;
  }

  /**
   * Console logging at INFO on standard error, which ends up in kafka.log. Standard error, because
   * the storage tool prints the cluster id on standard output and log lines there would corrupt it.
   */
  static String log4jProperties() {
    return String.join(
        "\n",
        "log4j.rootLogger=INFO, console",
        "log4j.appender.console=org.apache.log4j.ConsoleAppender",
        "log4j.appender.console.Target=System.err",
        "log4j.appender.console.layout=org.apache.log4j.PatternLayout",
        "log4j.appender.console.layout.ConversionPattern=[%d] %p %m (%c)%n",
        // Per-request logging and state-change chatter drown the lines that explain a failure.
        "log4j.logger.kafka.request.logger=WARN",
        "log4j.logger.state.change.logger=WARN",
        "log4j.logger.kafka.authorizer.logger=WARN",
        "");
  }

  static void write(Path file, Map<String, String> properties) {
    String text =
        properties.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n"));
    write(file, text);
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
