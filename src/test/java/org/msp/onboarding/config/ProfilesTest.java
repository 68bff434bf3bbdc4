package org.msp.onboarding.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * application.properties' profiles as SmallRye Config resolves them: production's values by
 * default, and a dev mode that cannot reach a real NinjaOne tenant.
 */
class ProfilesTest {

  @Test
  void devModeTalksToTheLocalSimulatorNeverToARealTenant() throws IOException {
    String host = URI.create(config("dev").getValue("ninjaone.base-url", String.class)).getHost();

    assertTrue(host.equals("127.0.0.1") || host.equals("localhost"), host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"prod", "test"})
  void otherProfilesKeepProductionValues(String profile) throws IOException {
    SmallRyeConfig config = config(profile);

    assertEquals("https://app.ninjarmm.com", config.getValue("ninjaone.base-url", String.class));
    assertEquals(
        "https://app.ninjarmm.com",
        config.getValue("quarkus.rest-client.ninjaone.url", String.class));
    assertEquals("PT5M", config.getValue("onboarding.retry.max-delay", String.class));
  }

  @Test
  void devModeClientsFollowTheSimulator() throws IOException {
    SmallRyeConfig config = config("dev");

    assertEquals(
        config.getValue("ninjaone.base-url", String.class),
        config.getValue("quarkus.oidc-client.auth-server-url", String.class));
  }

  private static SmallRyeConfig config(String profile) throws IOException {
    return new SmallRyeConfigBuilder()
        .withProfile(profile)
        .withSources(
            new PropertiesConfigSource(
                Path.of("src/main/resources/application.properties").toUri().toURL(), 250))
        .build();
  }
}
