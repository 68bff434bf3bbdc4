package org.msp.onboarding.ninjaone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The NinjaOne settings are checked when the configuration is built, as Quarkus does at start (with
 * Hibernate Validator): nonsense stops the service with the setting's name.
 */
class NinjaOneConfigTest {
  private static final Validator VALIDATOR =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  @Test
  void sensibleSettingsAreReadWithTheDocumentedDefaults() {
    NinjaOneConfig config = build(Map.of());

    assertEquals("https://eu.ninjarmm.com", config.baseUrl());
    assertEquals(200, config.organizationPageSize());
    assertEquals(Duration.ofMinutes(10), config.catalogMaxAge());
    assertEquals(Duration.ofSeconds(30), config.catalogRereadAfterMiss());
    assertEquals(0.0, config.requestsPerSecond());
  }

  @Test
  void zeroRereadDelayIsAllowed() {
    assertEquals(
        Duration.ZERO,
        build(Map.of("ninjaone.catalog-reread-after-miss", "PT0S")).catalogRereadAfterMiss());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "ninjaone.requests-per-second, -1",
    "ninjaone.organization-page-size, 0",
    "ninjaone.organization-page-size, 5000",
    "ninjaone.base-url, eu.ninjarmm.com",
    "ninjaone.base-url, ftp://eu.ninjarmm.com",
    "ninjaone.web-url, not a url",
    "ninjaone.catalog-max-age, PT0S",
    "ninjaone.catalog-reread-after-miss, -PT1S",
    "ninjaone.client-id, ' '",
  })
  void nonsenseFailsNamingTheSetting(String name, String value) {
    ConfigValidationException failure =
        assertThrows(ConfigValidationException.class, () -> build(Map.of(name, value)));

    assertTrue(failure.getMessage().contains(name), failure.getMessage());
  }

  private static NinjaOneConfig build(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    values.put("ninjaone.base-url", "https://eu.ninjarmm.com");
    values.put("ninjaone.web-url", "https://eu.ninjarmm.com");
    values.put("ninjaone.client-id", "id");
    values.put("ninjaone.client-secret", "secret");
    values.put("ninjaone.scope", "monitoring management");
    values.putAll(overrides);
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(values, "test", 500))
            .withMapping(NinjaOneConfig.class)
            .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
            .build();
    return config.getConfigMapping(NinjaOneConfig.class);
  }
}
