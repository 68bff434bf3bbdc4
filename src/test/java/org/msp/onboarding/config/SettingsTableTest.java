package org.msp.onboarding.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table and the settings the application really has never drift apart, both
 * ways: every {@code onboarding.*} and {@code ninjaone.*} setting the code declares
 * ({@code @ConfigMapping}, {@code @ConfigProperty}, {@code @Scheduled} expressions) is in the table
 * with its default, and every variable in the table is either declared by the code or a framework
 * setting (Quarkus, Kafka, MicroProfile JWT) that application.properties configures or names.
 */
class SettingsTableTest {
  /** The settings this service owns; every other name belongs to a framework. */
  private static final List<String> OWN_PREFIXES = List.of("onboarding.", "ninjaone.");

  private static final Pattern ENVIRONMENT_NAME =
      Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

  private static Map<String, ReadmeSettings.Row> readme;

  /** Own settings, by environment name, with the default in force (application.properties wins). */
  private static Map<String, Optional<String>> declared;

  private static String properties;

  private static Set<String> ownPropertyKeys;

  @BeforeAll
  static void read() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    readme = ReadmeSettings.parse(Files.readString(root.resolve("README.md")));
    properties = Files.readString(root.resolve("src/main/resources/application.properties"));
    Properties values = new Properties();
    values.load(new StringReader(properties));
    declared = new TreeMap<>();
    DeclaredSettings.read()
        .forEach(
            (name, codeDefault) -> {
              if (OWN_PREFIXES.stream().anyMatch(name::startsWith)) {
                Optional<String> value =
                    Optional.ofNullable(values.getProperty(name)).or(() -> codeDefault);
                declared.put(ReadmeSettings.environmentName(name), value.map(v -> asEnv(v)));
              }
            });
    ownPropertyKeys = new TreeSet<>();
    for (String name : values.stringPropertyNames()) {
      if (OWN_PREFIXES.stream().anyMatch(name::startsWith)) {
        ownPropertyKeys.add(ReadmeSettings.environmentName(name));
      }
    }
  }

  @Test
  void everyOwnSettingInApplicationPropertiesIsDeclaredByTheCode() {
    Set<String> stale = new TreeSet<>(ownPropertyKeys);
    stale.removeAll(declared.keySet());
    assertEquals(Set.of(), stale, "set in application.properties but read by nothing");
  }

  @Test
  void everySettingTheCodeDeclaresIsInTheReadmeTable() {
    Set<String> missing = new TreeSet<>(declared.keySet());
    missing.removeAll(readme.keySet());
    assertEquals(Set.of(), missing, "declared but not in README's Configuration table");
  }

  @Test
  void everyVariableInTheReadmeTableIsDeclaredOrAFrameworkSettingTheServiceConfigures() {
    Set<String> known = new TreeSet<>(declared.keySet());
    known.addAll(frameworkSettings());
    Set<String> unknown = new TreeSet<>(readme.keySet());
    unknown.removeAll(known);
    assertEquals(Set.of(), unknown, "in README's Configuration table but read by nothing");
  }

  @Test
  void theReadmeTableStatesTheDefaultsInForce() {
    Map<String, String> wrong = new TreeMap<>();
    readme
        .values()
        .forEach(
            row -> {
              Optional<String> inForce = declared.getOrDefault(row.variable(), Optional.empty());
              if (row.defaultValue().isPresent()
                  && inForce.isPresent()
                  && !row.defaultValue().get().equals(inForce.get())) {
                wrong.put(
                    row.variable(),
                    "README says " + row.defaultValue().get() + ", the service " + inForce.get());
              }
            });
    assertEquals(Map.of(), wrong, "defaults in README's Configuration table");
  }

  @Test
  void theTableParserExpandsSharedRowsAndReadsDefaults() {
    Map<String, ReadmeSettings.Row> rows =
        ReadmeSettings.parse(
            "x\n## Configuration\n| variable | default | meaning |\n|---|---|---|\n"
                + "| `A_B_LOCATION` / `_TYPE` | none | the store |\n"
                + "| `A_C` | `PT5S` (five seconds) | wait |\n## Next\n| `Z_Z` | `1` | not here |\n");

    assertEquals(Set.of("A_B_LOCATION", "A_B_TYPE", "A_C"), rows.keySet());
    assertEquals(Optional.of("PT5S"), rows.get("A_C").defaultValue());
    assertEquals(Optional.empty(), rows.get("A_B_TYPE").defaultValue());
  }

  /**
   * Framework settings the service configures: the keys of application.properties (profiles
   * stripped) and the environment names its comments give for them.
   */
  private static Set<String> frameworkSettings() {
    Set<String> names = new TreeSet<>();
    for (String line : properties.lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#")) {
        Matcher name = ENVIRONMENT_NAME.matcher(trimmed);
        while (name.find()) {
          names.add(name.group());
        }
      } else if (trimmed.contains("=")) {
        String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
        names.add(ReadmeSettings.environmentName(key.replaceFirst("^%[a-z]+\\.", "")));
      }
    }
    // The service's own settings count only when its code declares them.
    names.removeIf(
        name ->
            OWN_PREFIXES.stream()
                .anyMatch(prefix -> name.startsWith(ReadmeSettings.environmentName(prefix))));
    return names;
  }

  /** A default referring to another setting ({@code ${ninjaone.base-url}}) in the README's form. */
  private static String asEnv(String value) {
    Matcher reference = Pattern.compile("^\\$\\{([a-z0-9.-]+)}$").matcher(value);
    return reference.matches() ? ReadmeSettings.environmentName(reference.group(1)) : value;
  }
}
