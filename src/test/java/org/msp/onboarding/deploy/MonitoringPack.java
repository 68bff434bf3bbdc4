package org.msp.onboarding.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.msp.onboarding.harness.tools.Tool;

/**
 * The monitoring pack (deploy/k8s/monitoring) as an overlay renders it: the PodMonitor, the
 * PrometheusRule, the dashboard's ConfigMap and the dashboard itself, and every PromQL query the
 * alerts and the dashboard run, so tests can hold them against a real /q/metrics.
 */
public final class MonitoringPack {
  /** Label that marks the pack's objects (the other deployment tests leave them to this pack). */
  public static final String COMPONENT_LABEL = "app.kubernetes.io/component";

  public static final String COMPONENT = "monitoring";
  public static final String DASHBOARD_FILE = "ninjaone-onboarding.json";

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String overlay;
  private final List<JsonNode> docs;

  private MonitoringPack(String overlay, List<JsonNode> docs) {
    this.overlay = overlay;
    this.docs = docs;
  }

  /** {@code kubectl kustomize deploy/k8s/overlays/<overlay>}, offline. */
  public static MonitoringPack render(String overlay) {
    Path dir = projectRoot().resolve("deploy/k8s/overlays").resolve(overlay);
    return new MonitoringPack(overlay, parseYaml(kustomize(dir)));
  }

  public String overlay() {
    return overlay;
  }

  public List<JsonNode> all() {
    return docs;
  }

  public List<JsonNode> ofKind(String kind) {
    return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }

  public JsonNode one(String kind) {
    List<JsonNode> found = ofKind(kind);
    if (found.size() != 1) {
      throw new AssertionError(overlay + ": expected one " + kind + ", found " + found.size());
    }
    return found.get(0);
  }

  public JsonNode dashboardConfigMap() {
    List<JsonNode> found =
        ofKind("ConfigMap").stream().filter(c -> c.path("data").has(DASHBOARD_FILE)).toList();
    if (found.size() != 1) {
      throw new AssertionError(overlay + ": expected one dashboard ConfigMap, found " + found);
    }
    return found.get(0);
  }

  public JsonNode dashboard() {
    try {
      return JSON.readTree(dashboardConfigMap().path("data").path(DASHBOARD_FILE).asText());
    } catch (IOException e) {
      throw new AssertionError(overlay + ": the dashboard is not JSON: " + e.getMessage(), e);
    }
  }

  /** Every alerting or recording rule of the PrometheusRule, in order. */
  public List<JsonNode> rules() {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode group : one("PrometheusRule").path("spec").path("groups")) {
      group.path("rules").forEach(rules::add);
    }
    return rules;
  }

  /**
   * Every PromQL query of the pack, keyed by where it is: each rule's expression, each panel
   * target's, and the metric of each {@code label_values(metric, label)} template variable.
   */
  public Map<String, String> queries() {
    Map<String, String> queries = new LinkedHashMap<>();
    for (JsonNode rule : rules()) {
      String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
      queries.put("rule " + name, rule.path("expr").asText());
    }
    for (JsonNode panel : panels(dashboard())) {
      for (JsonNode target : panel.path("targets")) {
        queries.put(
            "panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
            target.path("expr").asText());
      }
    }
    for (JsonNode variable : dashboard().path("templating").path("list")) {
      String query = variable.path("query").path("query").asText(variable.path("query").asText());
      if (query.startsWith("label_values(") && query.contains(",")) {
        queries.put(
            "variable " + variable.path("name").asText(),
            query.substring("label_values(".length(), query.lastIndexOf(',')));
      }
    }
    return queries;
  }

  /** The metric names all queries read, by {@link PromQlMetricNames}. */
  public Set<String> metricNames() {
    Set<String> names = new TreeSet<>();
    queries().values().forEach(q -> names.addAll(PromQlMetricNames.of(q)));
    return names;
  }

  /** The panels of a dashboard, those inside collapsed rows too. */
  public static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** Whether a rendered object belongs to the monitoring pack. */
  public static boolean isPart(JsonNode doc) {
    return COMPONENT.equals(doc.path("metadata").path("labels").path(COMPONENT_LABEL).asText());
  }

  public static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isDirectory(dir.resolve("deploy/k8s"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
  }

  private static String kustomize(Path dir) {
    try {
      Path out = Files.createTempFile("kustomize", ".out");
      Path err = Files.createTempFile("kustomize", ".err");
      try {
        Process process =
            new ProcessBuilder(Tool.KUBECTL.path().toString(), "kustomize", dir.toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("kubectl kustomize " + dir + " timed out");
        }
        if (process.exitValue() != 0) {
          throw new AssertionError(
              "kubectl kustomize " + dir + " failed:\n" + Files.readString(err));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<JsonNode> parseYaml(String yaml) {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null && doc.isObject()) {
          docs.add(doc);
        }
      }
    } catch (IOException e) {
      throw new AssertionError("rendered YAML does not parse: " + e.getMessage(), e);
    }
    return docs;
  }
}
