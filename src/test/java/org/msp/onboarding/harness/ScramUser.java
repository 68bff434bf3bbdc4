package org.msp.onboarding.harness;

import java.util.Map;

/**
 * A Kafka user authenticating with SASL SCRAM-SHA-512, and the service settings (README) that make
 * it do so.
 */
public record ScramUser(String name, String password) {

  /**
   * The environment a client of the broker's SCRAM listener sets: Quarkus passes KAFKA_* on to
   * every client.
   */
  public Map<String, String> serviceEnv(String bootstrapServers) {
    return Map.of(
        "KAFKA_BOOTSTRAP_SERVERS",
        bootstrapServers,
        "KAFKA_SECURITY_PROTOCOL",
        "SASL_PLAINTEXT",
        "KAFKA_SASL_MECHANISM",
        "SCRAM-SHA-512",
        "KAFKA_SASL_JAAS_CONFIG",
        "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\""
            + name
            + "\" password=\""
            + password
            + "\";");
  }
}
