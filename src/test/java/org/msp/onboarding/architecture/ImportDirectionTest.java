package org.msp.onboarding.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages' layers, read from the sources. A package may import only packages listed after it
 * (the edge first, the saga's rules last); so no package pair imports each other, and the rules
 * know nothing of storage, messaging or the web.
 */
class ImportDirectionTest {
  private static final String ROOT = "org.msp.onboarding.";
  private static final Path SOURCES = Path.of("src/main/java/org/msp/onboarding");

  /** Outermost first. A new package must be placed here deliberately. */
  private static final List<String> LAYERS =
      List.of(
          "console", // operators' browser pages over the ops API's reads and actions
          "contract", // the published event contract (schemas, AsyncAPI), served read-only
          "monitoring", // health checks and gauges: read everything, nothing reads them
          "ops", // the REST API: operators' reads and intentions
          "deadletters", // the dead-letter topic's letters for operators, and their replay
          "messaging", // Kafka in and out: intake, dead letters, the outbox relay
          "runner", // drives sagas: claims, runs steps, records outcomes in transactions
          "names", // the tenant's name index (an adapter of saga.OrganizationNames)
          "ninjaone.budget",
          "ninjaone", // the NinjaOne adapter of the ports below
          "audit",
          "tagjobs",
          "devices", // agent deployments confirmed by NinjaOne's devices, device approval
          "persistence", // loads and stores the saga's domain types, events into rows
          "config",
          "saga.steps",
          "saga", // the rules: saga, steps' state, transitions, events, ports
          "saga.request",
          "ninjaone.dto",
          "web"); // problem+json and roles

  /** What the saga's rules never touch: they run as plain Java in unit tests. */
  private static final List<String> NOT_IN_RULES =
      List.of(
          "jakarta.persistence",
          "org.hibernate",
          "io.quarkus.hibernate",
          "java.sql",
          "javax.sql",
          "io.agroal",
          "org.apache.kafka",
          "io.smallrye.reactive.messaging",
          "org.eclipse.microprofile.reactive",
          "io.micrometer",
          "jakarta.ws.rs",
          "org.eclipse.microprofile.rest.client",
          "io.vertx",
          "jakarta.transaction");

  private static final Pattern IMPORT =
      Pattern.compile("^import (static )?([\\w.]+);", Pattern.MULTILINE);

  @Test
  void everyPackageIsPlacedInALayer() {
    List<String> unplaced = packages().stream().filter(p -> !LAYERS.contains(p)).toList();
    assertEquals(List.of(), unplaced, "packages missing from LAYERS");
  }

  @Test
  void noPackageImportsAPackageAboveItOrBesideIt() {
    List<String> wrong = new ArrayList<>();
    for (Path file : sources()) {
      String from = packageOf(file);
      for (String imported : imports(file)) {
        if (!imported.startsWith(ROOT)) {
          continue;
        }
        String to = packageOfClass(imported.substring(ROOT.length()));
        if (!to.equals(from) && LAYERS.indexOf(to) <= LAYERS.indexOf(from)) {
          wrong.add(SOURCES.relativize(file) + " imports " + imported);
        }
      }
    }
    assertEquals(List.of(), wrong, "imports from a lower layer into a higher one");
  }

  @Test
  void theSagaRulesImportNoStorageMessagingHttpOrMetricsType() {
    List<String> wrong = new ArrayList<>();
    for (Path file : sources()) {
      if (!packageOf(file).startsWith("saga")) {
        continue;
      }
      for (String imported : imports(file)) {
        if (NOT_IN_RULES.stream().anyMatch(imported::startsWith)) {
          wrong.add(SOURCES.relativize(file) + " imports " + imported);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void storageNeverDecidesWhatHappensNext() {
    List<String> wrong =
        sources().stream()
            .filter(f -> packageOf(f).equals("persistence"))
            .filter(f -> read(f).contains("SagaEngine"))
            .map(f -> SOURCES.relativize(f).toString())
            .toList();
    assertEquals(List.of(), wrong, "persistence must not call the engine");
  }

  /** "saga.steps.AddLocationsStep" -> "saga.steps"; "saga.Saga.Snapshot" -> "saga". */
  private static String packageOfClass(String name) {
    String[] parts = name.split("\\.");
    StringBuilder pkg = new StringBuilder();
    for (String part : parts) {
      if (Character.isUpperCase(part.charAt(0))) {
        break;
      }
      pkg.append(pkg.length() == 0 ? "" : ".").append(part);
    }
    return pkg.toString();
  }

  private static String packageOf(Path file) {
    return SOURCES.relativize(file.getParent()).toString().replace('/', '.');
  }

  private static List<String> packages() {
    return sources().stream().map(ImportDirectionTest::packageOf).distinct().sorted().toList();
  }

  private static List<String> imports(Path file) {
    List<String> imports = new ArrayList<>();
    Matcher m = IMPORT.matcher(read(file));
    while (m.find()) {
      imports.add(m.group(2));
    }
    return imports;
  }

  private static List<Path> sources() {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.getParent().equals(SOURCES))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
