package org.msp.onboarding.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionSettingsTest {

  private static List<String> problems(Map<String, String> settings) {
    return ProductionSettings.problems(name -> Optional.ofNullable(settings.get(name)));
  }

  private static Map<String, String> complete(Path key) {
    Map<String, String> settings = new HashMap<>();
    settings.put("mp.jwt.verify.publickey.location", key.toString());
    settings.put("ninjaone.client-id", "a1b2c3");
    settings.put("ninjaone.client-secret", "s3cr3t-from-vault");
    settings.put("quarkus.datasource.password", "db-password");
    return settings;
  }

  @Test
  void completeSettingsPass(@TempDir Path dir) throws Exception {
    Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PUBLIC KEY-----");
    assertEquals(List.of(), problems(complete(key)));
    Map<String, String> remoteKey = complete(key);
    remoteKey.put(
        "mp.jwt.verify.publickey.location",
        "https://sso.msp.example/realms/ops/protocol/openid-connect/certs");
    assertEquals(List.of(), problems(remoteKey));
  }

  @Test
  void defaultsOfApplicationPropertiesAndNoKeyAreEachNamed() {
    List<String> problems =
        problems(Map.of("ninjaone.client-id", "unset", "ninjaone.client-secret", "unset"));
    assertEquals(
        List.of(
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set (no key to verify the ops API's tokens)",
            "NINJAONE_CLIENT_ID is not set",
            "NINJAONE_CLIENT_SECRET is not set"),
        problems);
  }

  @Test
  void placeholdersOfTheSecretTemplateAreRefused(@TempDir Path dir) throws Exception {
    Map<String, String> settings = complete(Files.writeString(dir.resolve("key.pem"), "k"));
    settings.put("ninjaone.client-secret", "REPLACE_ME");
    settings.put("quarkus.datasource.password", "REPLACE_ME");
    settings.put(
        "kafka.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"onboarding\" password=\"REPLACE_ME\";");
    assertEquals(
        List.of(
            "NINJAONE_CLIENT_SECRET holds a placeholder",
            "QUARKUS_DATASOURCE_PASSWORD holds a placeholder",
            "KAFKA_SASL_JAAS_CONFIG holds a placeholder"),
        problems(settings));
  }

  @Test
  void aKeyFileThatIsNotThereIsNamed(@TempDir Path dir) {
    Map<String, String> settings = complete(dir.resolve("missing.pem"));
    settings.put("mp.jwt.verify.publickey.location", "file:" + dir.resolve("missing.pem"));
    List<String> problems = problems(settings);
    assertEquals(1, problems.size());
    assertTrue(
        problems
            .get(0)
            .startsWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION names a file that does not exist"),
        problems.get(0));
  }

  @Test
  void anIdentityProviderTurnedOnNeedsItsUrlAndClient(@TempDir Path dir) throws Exception {
    Map<String, String> settings = complete(Files.writeString(dir.resolve("key.pem"), "k"));
    settings.put("quarkus.oidc.tenant-enabled", "true");
    settings.put("quarkus.oidc.credentials.secret", "REPLACE_ME");
    assertEquals(
        List.of(
            "QUARKUS_OIDC_AUTH_SERVER_URL is not set (QUARKUS_OIDC_TENANT_ENABLED is true)",
            "QUARKUS_OIDC_CLIENT_ID is not set (QUARKUS_OIDC_TENANT_ENABLED is true)",
            "QUARKUS_OIDC_CREDENTIALS_SECRET holds a placeholder"),
        problems(settings));
    settings.put("quarkus.oidc.auth-server-url", "https://sso.msp.example/realms/ops");
    settings.put("quarkus.oidc.client-id", "onboarding-console");
    settings.put("quarkus.oidc.credentials.secret", "from-vault");
    assertEquals(List.of(), problems(settings));
    settings.put("quarkus.oidc.tenant-enabled", "false");
    settings.remove("quarkus.oidc.auth-server-url");
    assertEquals(List.of(), problems(settings), "off (the default): nothing is asked of it");
  }
}
