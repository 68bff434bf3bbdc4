package org.msp.onboarding.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msp.onboarding.harness.tools.RequiresTool;
import org.msp.onboarding.harness.tools.Tool;

/**
 * The monitoring pack (deploy/k8s/monitoring) as the overlays render it, and the observability
 * profile of docker-compose.yml. Whether every metric it queries exists in a running service's
 * /q/metrics is MonitoringPackIT's part.
 */
class MonitoringPackTest {
  private static final Path ROOT = MonitoringPack.projectRoot();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern DURATION = Pattern.compile("([0-9]+(ms|s|m|h|d|w|y))+");
  private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
  private static final Pattern TAGGED_IMAGE =
      Pattern.compile("[^:@]+(:[^:]*[0-9][^:]*|@sha256:.+)");

  @RequiresTool(Tool.KUBECTL)
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void podMonitorScrapesTheServicesPodsOnTheirMetricsPathInTheirNamespace(String overlay) {
    MonitoringPack pack = MonitoringPack.render(overlay);
    JsonNode monitor = pack.one("PodMonitor");
    JsonNode deployment = pack.one("Deployment");
    JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
    monitor
        .path("spec")
        .path("selector")
        .path("matchLabels")
        .fields()
        .forEachRemaining(
            e ->
                assertEquals(
                    e.getValue().asText(),
                    podLabels.path(e.getKey()).asText(),
                    "PodMonitor selects the pods by " + e.getKey()));
    assertFalse(monitor.path("spec").path("selector").path("matchLabels").isEmpty(), "selector");
    assertEquals(
        deployment.path("metadata").path("namespace").asText(),
        monitor.path("metadata").path("namespace").asText(),
        "PodMonitor in the service's namespace (it selects pods of its own namespace)");

    JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").path(0);
    assertEquals("/q/metrics", endpoint.path("path").asText());
    Set<String> ports = new HashSet<>();
    deployment
        .path("spec")
        .path("template")
        .path("spec")
        .path("containers")
        .forEach(c -> c.path("ports").forEach(p -> ports.add(p.path("name").asText())));
    assertTrue(ports.contains(endpoint.path("port").asText()), "a named container port: " + ports);
  }

  @RequiresTool(Tool.KUBECTL)
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void everyAlertHasASeverityASummaryAndARunbookSectionInTheDeployReadme(String overlay)
      throws IOException {
    Set<String> anchors = headingAnchors(Files.readString(ROOT.resolve("deploy/k8s/README.md")));
    List<String> names = new ArrayList<>();
    for (JsonNode rule : MonitoringPack.render(overlay).rules()) {
      String name = rule.path("alert").asText();
      assertFalse(name.isBlank(), "an alerting rule: " + rule);
      names.add(name);
      assertTrue(
          SEVERITIES.contains(rule.path("labels").path("severity").asText()), name + " severity");
      JsonNode annotations = rule.path("annotations");
      assertFalse(annotations.path("summary").asText().isBlank(), name + " summary");
      assertFalse(annotations.path("description").asText().isBlank(), name + " description");
      String runbook = annotations.path("runbook_url").asText();
      assertTrue(runbook.startsWith("deploy/k8s/README.md#"), name + " runbook_url: " + runbook);
      String anchor = runbook.substring(runbook.indexOf('#') + 1);
      assertEquals(name.toLowerCase(Locale.ROOT), anchor, name + ": its own section");
      assertTrue(anchors.contains(anchor), name + ": no section #" + anchor + " in the README");
    }
    assertEquals(names.size(), new HashSet<>(names).size(), "alert names are unique: " + names);
  }

  @RequiresTool(Tool.KUBECTL)
  @Test
  void alertsCoverStuckAndFailedSagasOutboxDeadLettersNinjaOneConsumerLagAndTheBudget() {
    MonitoringPack pack = MonitoringPack.render("prod");
    Map<String, Set<String>> readBy =
        pack.rules().stream()
            .collect(
                Collectors.toMap(
                    r -> r.path("alert").asText(),
                    r -> PromQlMetricNames.of(r.path("expr").asText())));
    for (String metric :
        List.of(
            "onboarding_sagas_stuck",
            "onboarding_sagas_failed_total",
            "onboarding_outbox_lag_seconds",
            "onboarding_requests_dead_lettered_total",
            "ninjaone_circuit_state",
            "ninjaone_calls_consecutive_failures",
            "kafka_consumer_fetch_manager_records_lag",
            "ninjaone_budget_effective_rate")) {
      assertTrue(
          readBy.values().stream().anyMatch(names -> names.contains(metric)),
          "an alert on " + metric + "; alerts read " + readBy);
    }
  }

  /**
   * promtool's own check where it is installed (apt-get install prometheus), of the rules and of
   * every dashboard query (as recording rules, Grafana's {@code $__rate_interval} read as 5m);
   * otherwise a structural check: one kind per rule, a non-empty expression reading at least one
   * metric, balanced brackets, a valid {@code for}, unique group names.
   */
  @RequiresTool(Tool.KUBECTL)
  @Test
  void rulesAndDashboardQueriesParse(@TempDir Path temp) throws Exception {
    MonitoringPack pack = MonitoringPack.render("prod");
    JsonNode spec = pack.one("PrometheusRule").path("spec");
    Optional<Path> promtool = onPath("promtool");
    if (promtool.isPresent()) {
      assertPromtoolAccepts(promtool.get(), temp.resolve("rules.yaml"), spec);
      assertPromtoolAccepts(
          promtool.get(), temp.resolve("dashboard.yaml"), dashboardAsRules(pack.dashboard()));
      return;
    }
    System.out.println("promtool not on the PATH: structural check of the rules only");
    Set<String> groups = new HashSet<>();
    for (JsonNode group : spec.path("groups")) {
      assertTrue(groups.add(group.path("name").asText()), "unique group " + group.path("name"));
      assertFalse(group.path("rules").isEmpty(), "rules in " + group.path("name"));
      for (JsonNode rule : group.path("rules")) {
        assertTrue(rule.has("alert") ^ rule.has("record"), "alert or record: " + rule);
        String expr = rule.path("expr").asText();
        assertFalse(PromQlMetricNames.of(expr).isEmpty(), "reads a metric: " + expr);
        assertTrue(balanced(expr), "balanced brackets: " + expr);
        if (rule.has("for")) {
          assertTrue(DURATION.matcher(rule.path("for").asText()).matches(), "for: " + rule);
        }
      }
    }
  }

  @RequiresTool(Tool.KUBECTL)
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void dashboardIsProvisionedByALabelledConfigMapAndQueriesThroughItsDatasourceVariable(
      String overlay) throws IOException {
    MonitoringPack pack = MonitoringPack.render(overlay);
    JsonNode configMap = pack.dashboardConfigMap();
    assertEquals("1", configMap.path("metadata").path("labels").path("grafana_dashboard").asText());
    JsonNode dashboard = pack.dashboard();
    assertEquals(
        YAML.readTree(
            ROOT.resolve("deploy/k8s/monitoring/dashboards")
                .resolve(MonitoringPack.DASHBOARD_FILE)
                .toFile()),
        dashboard,
        "the ConfigMap carries the file compose's Grafana loads");
    assertFalse(dashboard.path("uid").asText().isBlank(), "a fixed uid");

    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : MonitoringPack.panels(dashboard)) {
      assertTrue(ids.add(panel.path("id").asInt()), "unique panel id " + panel.path("id"));
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      String title = panel.path("title").asText();
      assertFalse(panel.path("targets").isEmpty(), title + ": queries");
      assertEquals("${datasource}", panel.path("datasource").path("uid").asText(), title);
      for (JsonNode target : panel.path("targets")) {
        assertTrue(target.path("expr").asText().contains("$namespace"), title + ": by namespace");
        assertTrue(balanced(target.path("expr").asText()), title + ": " + target.path("expr"));
      }
    }
  }

  @RequiresTool(Tool.KUBECTL)
  @Test
  void dashboardShowsSagasThroughputLatenciesRetriesCallsBudgetOutboxConsumerLagAndDeadLetters() {
    MonitoringPack pack = MonitoringPack.render("prod");
    Set<String> read = new HashSet<>();
    MonitoringPack.panels(pack.dashboard())
        .forEach(
            p ->
                p.path("targets")
                    .forEach(t -> read.addAll(PromQlMetricNames.of(t.path("expr").asText()))));
    assertTrue(
        read.containsAll(
            List.of(
                "onboarding_sagas_current",
                "onboarding_sagas_started_total",
                "onboarding_sagas_completed_total",
                "onboarding_step_duration_seconds_bucket",
                "onboarding_step_retries_total",
                "ninjaone_calls_seconds_count",
                "ninjaone_calls_seconds_bucket",
                "ninjaone_budget_effective_rate",
                "onboarding_outbox_lag_seconds",
                "kafka_consumer_fetch_manager_records_lag",
                "onboarding_requests_dead_lettered_total")),
        "panels read " + read);
  }

  @RequiresTool(Tool.DOCKER_COMPOSE)
  @Test
  void composeObservabilityProfileRunsPrometheusGrafanaAndACollectorOnPinnedImages()
      throws Exception {
    JsonNode services = composeConfig().path("services");
    for (String name : List.of("prometheus", "grafana", "otel-collector")) {
      JsonNode service = services.path(name);
      assertEquals(
          List.of("observability"),
          YAML.convertValue(service.path("profiles"), List.class),
          name + " only in the observability profile");
    }
    services
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().has("build")) {
                String image = e.getValue().path("image").asText();
                assertTrue(
                    TAGGED_IMAGE.matcher(image).matches() && !image.endsWith(":latest"),
                    e.getKey() + ": image pinned to a version: " + image);
              }
            });

    String grafanaMounts = services.path("grafana").path("volumes").toString();
    assertTrue(
        grafanaMounts.contains("deploy/k8s/monitoring/dashboards"),
        "Grafana loads the pack's dashboard: " + grafanaMounts);

    String prometheusMounts = services.path("prometheus").path("volumes").toString();
    assertTrue(
        prometheusMounts.contains("/etc/prometheus/alert-rules.yml"),
        "Prometheus gets the alert rules next to its configuration: " + prometheusMounts);

    JsonNode prometheus = YAML.readTree(ROOT.resolve("deploy/compose/prometheus.yml").toFile());
    JsonNode job = prometheus.path("scrape_configs").path(0);
    assertEquals("/q/metrics", job.path("metrics_path").asText());
    String target = job.path("static_configs").path(0).path("targets").path(0).asText();
    assertTrue(services.has(target.split(":")[0]), "scrapes a compose service: " + target);

    String otlp =
        services
            .path("ninjaone-onboarding")
            .path("environment")
            .path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")
            .asText();
    assertTrue(otlp.startsWith("http://otel-collector:4317"), "traces to the collector: " + otlp);
    JsonNode collector = YAML.readTree(ROOT.resolve("deploy/compose/otel-collector.yaml").toFile());
    assertTrue(
        collector
            .path("service")
            .path("pipelines")
            .path("traces")
            .path("receivers")
            .toString()
            .contains("otlp"),
        "the collector receives OTLP traces");
  }

  /**
   * Compose's Prometheus evaluates the pack's alerts: its rules file is the PrometheusRule's spec,
   * and its scrape labels every series with a namespace, which the alerts group by.
   */
  @Test
  void composePrometheusEvaluatesThePrometheusRulesAlerts() throws Exception {
    JsonNode spec =
        YAML.readTree(ROOT.resolve("deploy/k8s/monitoring/prometheusrule.yaml").toFile())
            .path("spec");
    JsonNode composeRules = YAML.readTree(ROOT.resolve("deploy/compose/alert-rules.yml").toFile());
    String copyIt =
        " differs: deploy/compose/alert-rules.yml must be the spec of"
            + " deploy/k8s/monitoring/prometheusrule.yaml (copy it over)";
    List<JsonNode> rules = rulesOf(spec);
    List<JsonNode> composeCopy = rulesOf(composeRules);
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      assertEquals(
          rule,
          i < composeCopy.size() ? composeCopy.get(i) : null,
          rule.path("alert").asText() + copyIt);
    }
    assertEquals(spec, composeRules, "the groups" + copyIt);

    Path config = ROOT.resolve("deploy/compose/prometheus.yml");
    JsonNode prometheus = YAML.readTree(config.toFile());
    assertEquals(
        List.of("alert-rules.yml"), YAML.convertValue(prometheus.path("rule_files"), List.class));
    assertEquals(
        "compose",
        prometheus
            .path("scrape_configs")
            .path(0)
            .path("static_configs")
            .path(0)
            .path("labels")
            .path("namespace")
            .asText());
    Optional<Path> promtool = onPath("promtool");
    if (promtool.isPresent()) {
      // also resolves rule_files next to the configuration, as the container mounts them
      assertPromtoolPasses(promtool.get(), "config", config);
    }
  }

  // ----------------------------------------------------------------------------------------------

  /** Every rule of every group, in order, each with its group's name. */
  private static List<JsonNode> rulesOf(JsonNode spec) {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode group : spec.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        rules.add(((ObjectNode) rule.deepCopy()).put("group", group.path("name").asText()));
      }
    }
    return rules;
  }

  private static void assertPromtoolAccepts(Path promtool, Path file, JsonNode rules)
      throws Exception {
    YAML.writeValue(file.toFile(), rules);
    assertPromtoolPasses(promtool, "rules", file);
  }

  /** {@code promtool check <what> <file>} succeeds; its output is the failure's message. */
  private static void assertPromtoolPasses(Path promtool, String what, Path file) throws Exception {
    Process check =
        new ProcessBuilder(promtool.toString(), "check", what, file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(check.waitFor(60, TimeUnit.SECONDS), "promtool timed out");
    assertEquals(
        0, check.exitValue(), "promtool check " + what + " " + file.getFileName() + ":\n" + output);
  }

  /** The dashboard's panel queries as one group of recording rules, which promtool can check. */
  private static JsonNode dashboardAsRules(JsonNode dashboard) {
    ArrayNode rules = YAML.createArrayNode();
    for (JsonNode panel : MonitoringPack.panels(dashboard)) {
      for (JsonNode target : panel.path("targets")) {
        ObjectNode rule = rules.addObject();
        rule.put(
            "record",
            "dashboard:panel_" + panel.path("id").asInt() + "_" + target.path("refId").asText());
        rule.put("expr", target.path("expr").asText().replace("$__rate_interval", "5m"));
      }
    }
    ObjectNode spec = YAML.createObjectNode();
    ObjectNode group = spec.putArray("groups").addObject();
    group.put("name", "dashboard");
    group.set("rules", rules);
    return spec;
  }

  /** GitHub's heading anchors: lower case, spaces to dashes, punctuation dropped. */
  private static Set<String> headingAnchors(String markdown) {
    Set<String> anchors = new HashSet<>();
    Matcher m = Pattern.compile("(?m)^#+ +(.+)$").matcher(markdown);
    while (m.find()) {
      anchors.add(
          m.group(1)
              .strip()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9 _-]", "")
              .replace(' ', '-'));
    }
    return anchors;
  }

  /** (), [] and {} nest properly outside string literals. */
  private static boolean balanced(String expr) {
    StringBuilder open = new StringBuilder();
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '"') {
        i = expr.indexOf('"', i + 1);
        if (i < 0) {
          return false;
        }
      } else if ("([{".indexOf(c) >= 0) {
        open.append(c);
      } else if (")]}".indexOf(c) >= 0) {
        if (open.isEmpty() || "([{".indexOf(open.charAt(open.length() - 1)) != ")]}".indexOf(c)) {
          return false;
        }
        open.setLength(open.length() - 1);
      }
    }
    return open.isEmpty();
  }

  private static Optional<Path> onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static JsonNode composeConfig() throws Exception {
    Process process =
        new ProcessBuilder(
                Tool.DOCKER_COMPOSE.path().toString(), "-f", "docker-compose.yml", "config")
            .directory(ROOT.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "docker-compose config timed out");
    assertEquals(0, process.exitValue(), "docker-compose config failed");
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(out)) {
      return docs.next();
    }
  }
}
