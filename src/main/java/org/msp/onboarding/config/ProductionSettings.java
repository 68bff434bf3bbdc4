package org.msp.onboarding.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings without which a production instance would start and then fail every call: the key
 * that verifies operators' tokens, the NinjaOne client credentials, the identity provider when the
 * console signs in through one, and no placeholder left from the deploy templates
 * (deploy/k8s/base/secret.template.yaml holds REPLACE_ME; application.properties defaults the
 * NinjaOne pair to "unset").
 */
final class ProductionSettings {
  private static final List<String> KEY_SETTINGS =
      List.of(
          "mp.jwt.verify.publickey.location",
          "mp.jwt.verify.publickey",
          "smallrye.jwt.verify.key.location");
  private static final List<String> PLACEHOLDERS =
      List.of("replace_me", "replace-me", "changeme", "change_me");

  private ProductionSettings() {}

  /**
   * What is wrong, one entry per setting (empty when all is well); {@code lookup} reads resolved
   * configuration.
   */
  static List<String> problems(Function<String, Optional<String>> lookup) {
    List<String> problems = new ArrayList<>();
    verificationKey(lookup).ifPresent(problems::add);
    required(lookup, "ninjaone.client-id", "NINJAONE_CLIENT_ID").ifPresent(problems::add);
    required(lookup, "ninjaone.client-secret", "NINJAONE_CLIENT_SECRET").ifPresent(problems::add);
    for (String optional : List.of("quarkus.datasource.password", "kafka.sasl.jaas.config")) {
      lookup
          .apply(optional)
          .filter(ProductionSettings::isPlaceholder)
          .ifPresent(v -> problems.add(envName(optional) + " holds a placeholder"));
    }
    problems.addAll(identityProvider(lookup));
    return problems;
  }

  /**
   * The console's sign-in through an identity provider, when turned on, needs the provider and the
   * client registered with it; otherwise the sign-in page would offer a button that cannot work.
   */
  private static List<String> identityProvider(Function<String, Optional<String>> lookup) {
    if (!lookup.apply("quarkus.oidc.tenant-enabled").map(Boolean::parseBoolean).orElse(false)) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    for (String name : List.of("quarkus.oidc.auth-server-url", "quarkus.oidc.client-id")) {
      required(lookup, name, envName(name))
          .map(problem -> problem + " (QUARKUS_OIDC_TENANT_ENABLED is true)")
          .ifPresent(problems::add);
    }
    lookup
        .apply("quarkus.oidc.credentials.secret")
        .filter(ProductionSettings::isPlaceholder)
        .ifPresent(v -> problems.add("QUARKUS_OIDC_CREDENTIALS_SECRET holds a placeholder"));
    return problems;
  }

  private static Optional<String> verificationKey(Function<String, Optional<String>> lookup) {
    for (String name : KEY_SETTINGS) {
      Optional<String> value = lookup.apply(name).filter(v -> !v.isBlank());
      if (value.isPresent()) {
        return isPlaceholder(value.get())
            ? Optional.of(envName(name) + " holds a placeholder")
            : missingFile(value.get())
                .map(file -> envName(name) + " names a file that does not exist: " + file);
      }
    }
    return Optional.of(
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set (no key to verify the ops API's tokens)");
  }

  /**
   * A plain path or file: URL that is not there; URLs and classpath resources are left to the JWT
   * library.
   */
  private static Optional<String> missingFile(String location) {
    String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
    boolean local = location.startsWith("file:") || !location.contains(":");
    return local && !Files.isReadable(Path.of(path)) ? Optional.of(path) : Optional.empty();
  }

  private static Optional<String> required(
      Function<String, Optional<String>> lookup, String name, String env) {
    Optional<String> value = lookup.apply(name).filter(v -> !v.isBlank());
    if (value.isEmpty() || value.get().equals("unset")) {
      return Optional.of(env + " is not set");
    }
    return isPlaceholder(value.get())
        ? Optional.of(env + " holds a placeholder")
        : Optional.empty();
  }

  static boolean isPlaceholder(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.equals("unset") || PLACEHOLDERS.stream().anyMatch(lower::contains);
  }

  private static String envName(String property) {
    return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
