package org.msp.onboarding.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msp.onboarding.harness.ServiceProcess;
import org.msp.onboarding.harness.tools.RequiresTool;
import org.msp.onboarding.harness.tools.Tool;

/**
 * Checks the deployment files as they are used: the Kustomize overlays as {@code kubectl kustomize}
 * renders them (offline, no cluster), {@code docker-compose.yml} as {@code docker-compose config}
 * resolves it, and the JVM Dockerfile. Plain JUnit, no Quarkus. The checks that need {@code
 * kubectl} or {@code docker-compose} are skipped where the tool is missing (the rest still run),
 * and fail instead with {@code -Dtools.required=true}, as in CI.
 */
class DeploymentManifestsTest {

  /**
   * Every environment variable the service reads (the configuration contract), all required in both
   * setups.
   */
  private static final Set<String> SERVICE_CONFIGURATION_KEYS =
      Set.of(
          "KAFKA_BOOTSTRAP_SERVERS",
          "QUARKUS_DATASOURCE_JDBC_URL",
          "QUARKUS_DATASOURCE_USERNAME",
          "QUARKUS_DATASOURCE_PASSWORD",
          "NINJAONE_BASE_URL",
          "NINJAONE_CLIENT_ID",
          "NINJAONE_CLIENT_SECRET",
          "NINJAONE_SCOPE",
          "ONBOARDING_RETRY_INITIAL_DELAY",
          "ONBOARDING_RETRY_MAX_DELAY",
          "ONBOARDING_RETRY_MAX_ATTEMPTS",
          "ONBOARDING_RUNNER_LEASE",
          "MP_JWT_VERIFY_ISSUER",
          "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
          "QUARKUS_LOG_CONSOLE_JSON_ENABLED",
          "QUARKUS_OTEL_SDK_DISABLED",
          "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");

  /** Allowed besides the contract, never required. */
  private static final Set<String> OPTIONAL_KEYS =
      Set.of(
          "QUARKUS_HTTP_PORT",
          "MP_JWT_VERIFY_AUDIENCES",
          "KAFKA_SECURITY_PROTOCOL",
          "KAFKA_SASL_MECHANISM",
          "KAFKA_SSL_TRUSTSTORE_TYPE",
          "KAFKA_SSL_TRUSTSTORE_LOCATION",
          "KAFKA_SSL_TRUSTSTORE_PASSWORD");

  /** The only keys that may hold credentials, and the only ones the Secret may hold. */
  private static final Set<String> SECRET_KEYS =
      Set.of("NINJAONE_CLIENT_ID", "NINJAONE_CLIENT_SECRET", "QUARKUS_DATASOURCE_PASSWORD");

  private static final Set<String> TOPICS =
      Set.of(
          "client-onboarding-requests",
          "client-onboarding-requests-dlq",
          "client-onboarding-events");

  /** What a committed Secret may contain: the documented placeholder, nothing else. */
  private static final Pattern PLACEHOLDER = Pattern.compile("REPLACE_ME");

  private static final String APP = "ninjaone-onboarding";
  private static final String COMPOSE_SERVICE = "ninjaone-onboarding";

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Path ROOT = projectRoot();
  private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

  // ----------------------------------------------------------------------------------------------
  // Kubernetes

  @RequiresTool(Tool.KUBECTL)
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void overlayRendersOfflineWithEveryWorkloadObjectAndTheThreeKafkaTopics(String overlay) {
    List<JsonNode> docs = render(overlay);

    for (String kind :
        List.of(
            "Deployment",
            "Service",
            "ConfigMap",
            "Secret",
            "ServiceAccount",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "NetworkPolicy")) {
      assertEquals(1, ofKind(docs, kind).size(), overlay + ": expected exactly one " + kind);
    }
    assertEquals(
        "autoscaling/v2", one(docs, "HorizontalPodAutoscaler").path("apiVersion").asText());
    assertEquals("policy/v1", one(docs, "PodDisruptionBudget").path("apiVersion").asText());

    List<JsonNode> topics = ofKind(docs, "KafkaTopic");
    assertEquals(
        TOPICS,
        topics.stream()
            .map(t -> t.path("spec").path("topicName").asText())
            .collect(Collectors.toSet()),
        overlay + ": the three topics");
    for (JsonNode topic : topics) {
      String name = topic.path("metadata").path("name").asText();
      assertEquals("kafka.strimzi.io/v1", topic.path("apiVersion").asText(), name);
      assertFalse(
          topic.path("metadata").path("labels").path("strimzi.io/cluster").asText().isBlank(),
          name + ": strimzi.io/cluster label");
      assertTrue(topic.path("spec").path("partitions").asInt() >= 1, name + ": partitions");
      // The Topic Operator watches the Kafka cluster's namespace, not the service's.
      assertEquals(
          "kafka", topic.path("metadata").path("namespace").asText(), name + ": namespace");
    }
    assertEquals(
        6,
        topics.stream()
            .filter(
                t -> t.path("spec").path("topicName").asText().equals("client-onboarding-requests"))
            .findFirst()
            .orElseThrow()
            .path("spec")
            .path("partitions")
            .asInt(),
        "input topic partitions");

    // Every namespaced object of the service itself lands in the overlay's namespace.
    String namespace = one(docs, "Deployment").path("metadata").path("namespace").asText();
    assertFalse(namespace.isBlank(), overlay + ": Deployment namespace");
    docs.stream()
        .filter(d -> !d.path("kind").asText().equals("KafkaTopic"))
        .forEach(
            d ->
                assertEquals(
                    namespace,
                    d.path("metadata").path("namespace").asText(),
                    overlay + ": namespace of " + id(d)));

    // The HPA, the PDB and the Service point at this Deployment's pods.
    JsonNode deployment = one(docs, "Deployment");
    assertEquals(
        deployment.path("metadata").path("name").asText(),
        one(docs, "HorizontalPodAutoscaler")
            .path("spec")
            .path("scaleTargetRef")
            .path("name")
            .asText());
    JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
    assertSelects(
        one(docs, "PodDisruptionBudget").path("spec").path("selector").path("matchLabels"),
        podLabels);
    assertSelects(one(docs, "Service").path("spec").path("selector"), podLabels);
    assertSelects(
        one(docs, "NetworkPolicy").path("spec").path("podSelector").path("matchLabels"), podLabels);
  }

  @RequiresTool(Tool.KUBECTL)
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void deploymentRunsAsNonRootWithReadOnlyRootFilesystemAndProbesOnTheHealthPaths(String overlay) {
    List<JsonNode> docs = render(overlay);
    JsonNode pod = one(docs, "Deployment").path("spec").path("template");
    JsonNode podSpec = pod.path("spec");
    JsonNode container = onlyContainer(podSpec);

    JsonNode podSecurity = podSpec.path("securityContext");
    assertTrue(podSecurity.path("runAsNonRoot").asBoolean(), "pod runAsNonRoot");
    assertTrue(podSecurity.path("runAsUser").asInt() > 0, "pod runAsUser is not root");
    assertEquals(
        "RuntimeDefault", podSecurity.path("seccompProfile").path("type").asText(), "seccomp");
    assertFalse(
        podSpec.path("automountServiceAccountToken").asBoolean(true), "no API token mounted");

    JsonNode security = container.path("securityContext");
    assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), "readOnlyRootFilesystem");
    assertFalse(
        security.path("allowPrivilegeEscalation").asBoolean(true), "allowPrivilegeEscalation");
    assertTrue(
        textValues(security.path("capabilities").path("drop")).contains("ALL"),
        "drop ALL capabilities");

    // Read-only root: /tmp must be an emptyDir.
    String tmpVolume = null;
    for (JsonNode mount : container.path("volumeMounts")) {
      if (mount.path("mountPath").asText().equals("/tmp")) {
        tmpVolume = mount.path("name").asText();
      }
    }
    assertNotNull(tmpVolume, "/tmp is mounted");
    String tmp = tmpVolume;
    assertTrue(
        stream(podSpec.path("volumes"))
            .anyMatch(v -> v.path("name").asText().equals(tmp) && v.has("emptyDir")),
        "/tmp is an emptyDir");

    assertProbe(container, "startupProbe", "/q/health/started");
    assertProbe(container, "livenessProbe", "/q/health/live");
    assertProbe(container, "readinessProbe", "/q/health/ready");
    assertTrue(
        stream(container.path("ports")).anyMatch(p -> p.path("containerPort").asInt() == 8080),
        "8080");

    // Graceful shutdown: longer than quarkus.shutdown.timeout (30 s) plus the preStop sleep.
    assertTrue(
        podSpec.path("terminationGracePeriodSeconds").asInt() > 30,
        "terminationGracePeriodSeconds");
    assertTrue(
        container.path("lifecycle").path("preStop").isObject(), "preStop hook drains endpoints");

    JsonNode annotations = pod.path("metadata").path("annotations");
    assertEquals("true", annotations.path("prometheus.io/scrape").asText(), "prometheus scrape");
    assertEquals("/q/metrics", annotations.path("prometheus.io/path").asText(), "prometheus path");
    assertEquals("8080", annotations.path("prometheus.io/port").asText(), "prometheus port");

    JsonNode limits = container.path("resources").path("limits");
    JsonNode requests = container.path("resources").path("requests");
    for (String resource : List.of("cpu", "memory")) {
      assertFalse(requests.path(resource).asText().isBlank(), "requests." + resource);
      assertFalse(limits.path(resource).asText().isBlank(), "limits." + resource);
    }

    // envFrom points at the ConfigMap and the Secret actually rendered (kustomize renames the
    // ConfigMap).
    Set<String> configMaps = names(ofKind(docs, "ConfigMap"));
    Set<String> secrets = names(ofKind(docs, "Secret"));
    Set<String> fromConfigMaps = new TreeSet<>();
    Set<String> fromSecrets = new TreeSet<>();
    for (JsonNode source : container.path("envFrom")) {
      if (source.has("configMapRef")) {
        fromConfigMaps.add(source.path("configMapRef").path("name").asText());
      }
      if (source.has("secretRef")) {
        fromSecrets.add(source.path("secretRef").path("name").asText());
      }
    }
    assertEquals(configMaps, fromConfigMaps, "envFrom ConfigMap");
    assertEquals(secrets, fromSecrets, "envFrom Secret");
  }

  @RequiresTool(Tool.KUBECTL)
  @Test
  void prodRunsAtLeastTwoReplicasScalesTwoToSixAndTalksToTheRealNinjaOneWithJsonLogs() {
    List<JsonNode> docs = render("prod");
    assertTrue(
        one(docs, "Deployment").path("spec").path("replicas").asInt() >= 2, "prod replicas >= 2");
    JsonNode hpa = one(docs, "HorizontalPodAutoscaler").path("spec");
    assertEquals(2, hpa.path("minReplicas").asInt(), "HPA min");
    assertEquals(6, hpa.path("maxReplicas").asInt(), "HPA max");
    assertTrue(
        stream(hpa.path("metrics"))
            .anyMatch(m -> m.path("resource").path("name").asText().equals("cpu")),
        "HPA scales on CPU");

    JsonNode config = one(docs, "ConfigMap").path("data");
    assertEquals("https://app.ninjarmm.com", config.path("NINJAONE_BASE_URL").asText());
    assertEquals(
        "true", config.path("QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText(), "JSON logs in prod");
    for (JsonNode topic : ofKind(docs, "KafkaTopic")) {
      assertTrue(topic.path("spec").path("replicas").asInt() >= 3, "prod topics are replicated");
    }
  }

  @RequiresTool(Tool.KUBECTL)
  @Test
  void prodTalksToKafkaOverTlsWithScramAsAKafkaUserAllowedExactlyItsTopicsAndGroup() {
    List<JsonNode> docs = render("prod");
    JsonNode config = one(docs, "ConfigMap").path("data");
    assertTrue(
        config.path("KAFKA_BOOTSTRAP_SERVERS").asText().endsWith(":9093"), "the TLS listener");
    assertEquals("SASL_SSL", config.path("KAFKA_SECURITY_PROTOCOL").asText());
    assertEquals("SCRAM-SHA-512", config.path("KAFKA_SASL_MECHANISM").asText());
    assertEquals(
        "ninjaone-onboarding", config.path("MP_JWT_VERIFY_AUDIENCES").asText(), "token audience");

    JsonNode user = one(docs, "KafkaUser");
    assertEquals(
        "msp-kafka", user.path("metadata").path("labels").path("strimzi.io/cluster").asText());
    assertEquals("scram-sha-512", user.path("spec").path("authentication").path("type").asText());
    Set<String> acls =
        stream(user.path("spec").path("authorization").path("acls"))
            .map(
                acl ->
                    acl.path("resource").path("type").asText()
                        + ":"
                        + acl.path("resource").path("name").asText()
                        + ":"
                        + acl.path("resource").path("patternType").asText())
            .collect(Collectors.toSet());
    Set<String> expected =
        TOPICS.stream().map(t -> "topic:" + t + ":literal").collect(Collectors.toSet());
    expected.add("group:ninjaone-onboarding:literal");
    assertEquals(expected, acls, "ACLs for exactly the three topics and the consumer group");

    JsonNode podSpec = one(docs, "Deployment").path("spec").path("template").path("spec");
    JsonNode jaas =
        stream(onlyContainer(podSpec).path("env"))
            .filter(e -> e.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        user.path("metadata").path("name").asText(),
        jaas.path("valueFrom").path("secretKeyRef").path("name").asText(),
        "the User Operator's Secret");
    assertEquals(
        "sasl.jaas.config", jaas.path("valueFrom").path("secretKeyRef").path("key").asText());
    String truststore = config.path("KAFKA_SSL_TRUSTSTORE_LOCATION").asText();
    assertTrue(
        stream(onlyContainer(podSpec).path("volumeMounts"))
            .anyMatch(m -> truststore.startsWith(m.path("mountPath").asText() + "/")),
        "CA mounted at " + truststore);
    assertTrue(
        stream(podSpec.path("volumes"))
            .anyMatch(
                v ->
                    v.path("secret")
                        .path("secretName")
                        .asText()
                        .equals("msp-kafka-cluster-ca-cert")),
        "cluster CA");
  }

  @RequiresTool(Tool.KUBECTL)
  @Test
  void devRunsOneSmallReplicaAgainstTheNinjaOneSimulator() {
    List<JsonNode> docs = render("dev");
    assertEquals(1, one(docs, "Deployment").path("spec").path("replicas").asInt(), "dev replicas");
    String baseUrl = one(docs, "ConfigMap").path("data").path("NINJAONE_BASE_URL").asText();
    assertTrue(baseUrl.contains("simulator"), "dev uses the simulator: " + baseUrl);
    assertFalse(baseUrl.contains("ninjarmm.com"), "dev never calls the real NinjaOne: " + baseUrl);
  }

  @RequiresTool(Tool.KUBECTL)
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void kubernetesEnvironmentUsesExactlyTheServiceConfigurationKeysWithCredentialsOnlyInTheSecret(
      String overlay) {
    List<JsonNode> docs = render(overlay);
    Set<String> configKeys = fieldNames(one(docs, "ConfigMap").path("data"));
    Set<String> secretKeys = secretValues(one(docs, "Secret")).keySet();

    assertEquals(SECRET_KEYS, secretKeys, "Secret keys");
    Set<String> leaked = new TreeSet<>(configKeys);
    leaked.retainAll(SECRET_KEYS);
    assertTrue(leaked.isEmpty(), "credentials in the ConfigMap: " + leaked);

    Set<String> all = new TreeSet<>(configKeys);
    all.addAll(secretKeys);
    assertKnownAndComplete(all, overlay + " ConfigMap + Secret");
  }

  @RequiresTool(Tool.KUBECTL)
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void noRenderedSecretHoldsARealLookingCredential(String overlay) {
    List<JsonNode> secrets = ofKind(render(overlay), "Secret");
    assertFalse(secrets.isEmpty(), "the Secret template is rendered");
    for (JsonNode secret : secrets) {
      secretValues(secret)
          .forEach(
              (key, value) ->
                  assertTrue(
                      PLACEHOLDER.matcher(value).matches(),
                      overlay
                          + ": "
                          + id(secret)
                          + " key "
                          + key
                          + " holds something other than the placeholder "
                          + PLACEHOLDER.pattern()
                          + " (real credentials never go into committed files)"));
    }
  }

  @RequiresTool(Tool.KUBECTL)
  @Test
  void realSecretIsGeneratedFromAnUncommittedEnvFileInALiveOverlay(@TempDir Path temp)
      throws IOException {
    // The documented deploy path (deploy/k8s/README.md), on a copy so the work tree is never
    // written.
    Path k8s = temp.resolve("k8s");
    copyTree(ROOT.resolve("deploy/k8s"), k8s);
    Path live = Files.createDirectories(k8s.resolve("live/prod"));
    Files.writeString(
        live.resolve("kustomization.yaml"),
        String.join(
            "\n",
            "resources:",
            "  - ../../overlays/prod",
            "secretGenerator:",
            "  - name: ninjaone-onboarding-secrets",
            "    behavior: replace",
            "    envs:",
            "      - secrets.env",
            ""));
    Map<String, String> real =
        Map.of(
            "NINJAONE_CLIENT_ID", "client-from-vault",
            "NINJAONE_CLIENT_SECRET", "secret-from-vault",
            "QUARKUS_DATASOURCE_PASSWORD", "password-from-vault");
    Files.writeString(
        live.resolve("secrets.env"),
        real.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n")));

    List<JsonNode> docs = parseYaml(kustomize(live));
    JsonNode secret = one(docs, "Secret");
    assertEquals(real, secretValues(secret), "the live Secret carries the env file's values");
    String secretName = secret.path("metadata").path("name").asText();
    JsonNode container =
        onlyContainer(one(docs, "Deployment").path("spec").path("template").path("spec"));
    assertTrue(
        stream(container.path("envFrom"))
            .anyMatch(s -> s.path("secretRef").path("name").asText().equals(secretName)),
        "Deployment uses the live Secret");

    // And the committed tree ignores what carries real values.
    String ignore = Files.readString(ROOT.resolve("deploy/k8s/.gitignore"));
    assertTrue(
        ignore.contains("/live/") && ignore.contains("secrets.env"), "deploy/k8s/.gitignore");
  }

  // ----------------------------------------------------------------------------------------------
  // Compose

  @RequiresTool(Tool.DOCKER_COMPOSE)
  @Test
  void composeFileIsValidForDockerCompose() {
    Result result =
        run(
            List.of(
                Tool.DOCKER_COMPOSE.path().toString(), "-f", "docker-compose.yml", "config", "-q"));
    assertEquals(0, result.exit, "docker-compose config -q failed:\n" + result.stderr);
  }

  @RequiresTool(Tool.DOCKER_COMPOSE)
  @Test
  void composeServiceEnvironmentUsesTheServiceConfigurationKeysAndPointsAtTheOtherServices() {
    JsonNode compose = composeConfig();
    JsonNode services = compose.path("services");
    JsonNode service = services.path(COMPOSE_SERVICE);
    assertTrue(service.isObject(), "compose service " + COMPOSE_SERVICE);
    Map<String, String> env = environment(service);
    assertKnownAndComplete(env.keySet(), "compose service " + COMPOSE_SERVICE);

    assertEquals(
        "src/main/docker/Dockerfile.jvm", service.path("build").path("dockerfile").asText());

    // Each endpoint names another service of this file.
    Set<String> serviceNames = fieldNames(services);
    String kafkaHost = env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")[0].split(":")[0];
    assertTrue(
        serviceNames.contains(kafkaHost), "Kafka host " + kafkaHost + " is a compose service");
    String jdbcHost =
        URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length())).getHost();
    assertTrue(
        serviceNames.contains(jdbcHost), "database host " + jdbcHost + " is a compose service");
    String ninjaHost = URI.create(env.get("NINJAONE_BASE_URL")).getHost();
    assertTrue(
        serviceNames.contains(ninjaHost), "NinjaOne host " + ninjaHost + " is a compose service");

    // The service's NinjaOne credentials are the simulator's, its DB password the database's.
    List<String> simulatorCommand = textValues(services.path(ninjaHost).path("command"));
    assertEquals(env.get("NINJAONE_CLIENT_ID"), argumentAfter(simulatorCommand, "--client-id"));
    assertEquals(
        env.get("NINJAONE_CLIENT_SECRET"), argumentAfter(simulatorCommand, "--client-secret"));
    assertTrue(
        simulatorCommand.contains("org.msp.onboarding.simulator.NinjaOneSimulator"),
        "simulator main");
    assertEquals(
        env.get("QUARKUS_DATASOURCE_PASSWORD"),
        environment(services.path(jdbcHost)).get("POSTGRES_PASSWORD"),
        "database password");

    // Ready-gated start and a health check on the readiness path.
    JsonNode dependsOn = service.path("depends_on");
    assertEquals("service_healthy", dependsOn.path(kafkaHost).path("condition").asText());
    assertEquals("service_healthy", dependsOn.path(jdbcHost).path("condition").asText());
    assertEquals(
        "service_completed_successfully",
        dependsOn.path("kafka-topics").path("condition").asText());
    assertTrue(
        service.path("healthcheck").path("test").toString().contains("/q/health/ready"),
        "healthcheck on /q/health/ready");
    assertTrue(
        service.path("stop_grace_period").asText().matches("(4[0-9]|[5-9][0-9])s"),
        "stop_grace_period beyond the 30 s shutdown timeout: " + service.path("stop_grace_period"));
  }

  @RequiresTool(Tool.DOCKER_COMPOSE)
  @Test
  void composeUsesKraftKafkaCreatesTheThreeTopicsAndPublishesExamplesOnlyInItsProfile() {
    JsonNode services = composeConfig().path("services");
    JsonNode kafka = services.path("kafka");
    assertEquals("apache/kafka:4.1.1", kafka.path("image").asText());
    assertTrue(
        environment(kafka).get("KAFKA_PROCESS_ROLES").contains("controller"),
        "KRaft combined mode");

    String topicScript =
        String.join("\n", textValues(services.path("kafka-topics").path("command")));
    assertTrue(
        topicScript.contains("/opt/kafka/bin/kafka-topics.sh"), "topics via kafka-topics.sh");
    for (String topic : TOPICS) {
      assertTrue(
          Pattern.compile("create " + Pattern.quote(topic) + " ").matcher(topicScript).find(),
          "creates " + topic);
    }

    JsonNode publisher = services.path("publish-examples");
    assertEquals(
        List.of("examples"), textValues(publisher.path("profiles")), "publish-examples profile");
    String publishScript = String.join("\n", textValues(publisher.path("command")));
    assertTrue(publishScript.contains("kafka-console-producer.sh"), "console producer");
    assertTrue(publishScript.contains("parse.key=true"), "records are keyed");
    assertTrue(publishScript.contains("client-onboarding-requests"), "to the input topic");
  }

  // ----------------------------------------------------------------------------------------------
  // Dockerfile

  @Test
  void dockerfileFollowsTheQuarkusFastJarLayoutAsANonRootUser() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("src/main/docker/Dockerfile.jvm"));
    assertTrue(
        Pattern.compile("(?m)^FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime[:@]")
            .matcher(dockerfile)
            .find(),
        "ubi9 openjdk-17-runtime base");
    for (String part :
        List.of(
            "lib/ /deployments/lib/",
            "*.jar /deployments/",
            "app/ /deployments/app/",
            "quarkus/ /deployments/quarkus/")) {
      assertTrue(
          dockerfile.contains("COPY --chown=185 target/quarkus-app/" + part), "copies " + part);
    }
    assertTrue(Pattern.compile("(?m)^USER 185$").matcher(dockerfile).find(), "USER 185");
    assertTrue(Pattern.compile("(?m)^EXPOSE 8080$").matcher(dockerfile).find(), "EXPOSE 8080");
    assertTrue(
        dockerfile.contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), "JAVA_APP_JAR");
  }

  @Test
  void dockerfileRunsTheServiceWithTheJvmOptionsTheTestsAndTheBenchmarkUse() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("src/main/docker/Dockerfile.jvm"));
    Matcher opts = Pattern.compile("(?m)^ENV JAVA_OPTS_APPEND=\"([^\"]*)\"$").matcher(dockerfile);
    assertTrue(opts.find(), "JAVA_OPTS_APPEND");
    assertTrue(
        opts.group(1).endsWith(" " + ServiceProcess.JVM_OPTIONS),
        "Dockerfile's JVM options " + opts.group(1) + " end with " + ServiceProcess.JVM_OPTIONS);
    assertTrue(
        dockerfile.contains("ENV MALLOC_ARENA_MAX=" + ServiceProcess.MALLOC_ARENA_MAX),
        "MALLOC_ARENA_MAX");
  }

  // ----------------------------------------------------------------------------------------------
  // helpers

  /** The overlay without the monitoring pack's objects, which MonitoringPackTest checks. */
  private static synchronized List<JsonNode> render(String overlay) {
    return RENDERED.computeIfAbsent(
        overlay,
        o ->
            parseYaml(kustomize(ROOT.resolve("deploy/k8s/overlays").resolve(o))).stream()
                .filter(doc -> !MonitoringPack.isPart(doc))
                .toList());
  }

  private static String kustomize(Path dir) {
    Result result = run(List.of(Tool.KUBECTL.path().toString(), "kustomize", dir.toString()));
    assertEquals(0, result.exit, "kubectl kustomize " + dir + " failed:\n" + result.stderr);
    return result.stdout;
  }

  private static JsonNode composeConfig() {
    Result result =
        run(List.of(Tool.DOCKER_COMPOSE.path().toString(), "-f", "docker-compose.yml", "config"));
    assertEquals(0, result.exit, "docker-compose config failed:\n" + result.stderr);
    List<JsonNode> docs = parseYaml(result.stdout);
    assertEquals(1, docs.size(), "one compose document");
    return docs.get(0);
  }

  private record Result(int exit, String stdout, String stderr) {}

  private static Result run(List<String> command) {
    try {
      Path out = Files.createTempFile("deploy-test", ".out");
      Path err = Files.createTempFile("deploy-test", ".err");
      try {
        Process process =
            new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          fail("timed out after 120 s: " + String.join(" ", command));
        }
        return new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      return fail("could not run " + String.join(" ", command) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted running " + String.join(" ", command), e);
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
      fail("rendered YAML does not parse: " + e.getMessage(), e);
    }
    assertFalse(docs.isEmpty(), "nothing rendered");
    return docs;
  }

  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isDirectory(dir.resolve("deploy/k8s"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no project root (pom.xml + deploy/k8s) above " + Path.of("").toAbsolutePath());
  }

  private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
    return docs.stream()
        .filter(d -> d.path("kind").asText().equals(kind))
        .collect(Collectors.toList());
  }

  private static JsonNode one(List<JsonNode> docs, String kind) {
    List<JsonNode> found = ofKind(docs, kind);
    assertEquals(1, found.size(), "exactly one " + kind);
    return found.get(0);
  }

  private static JsonNode onlyContainer(JsonNode podSpec) {
    JsonNode containers = podSpec.path("containers");
    assertEquals(1, containers.size(), "one container");
    JsonNode container = containers.get(0);
    assertEquals(APP, container.path("name").asText(), "container name");
    return container;
  }

  private static void assertProbe(JsonNode container, String probe, String path) {
    JsonNode get = container.path(probe).path("httpGet");
    assertEquals(path, get.path("path").asText(), probe + " path");
    String port = get.path("port").asText();
    assertTrue(port.equals("8080") || port.equals("http"), probe + " port: " + port);
  }

  private static void assertSelects(JsonNode selector, JsonNode podLabels) {
    assertTrue(selector.isObject() && selector.size() > 0, "selector is not empty");
    selector
        .fields()
        .forEachRemaining(
            e ->
                assertEquals(
                    e.getValue().asText(),
                    podLabels.path(e.getKey()).asText(),
                    "selector label " + e.getKey()));
  }

  private static void assertKnownAndComplete(Set<String> keys, String where) {
    Set<String> missing = new TreeSet<>(SERVICE_CONFIGURATION_KEYS);
    missing.removeAll(keys);
    Set<String> unknown = new TreeSet<>(keys);
    unknown.removeAll(SERVICE_CONFIGURATION_KEYS);
    unknown.removeAll(OPTIONAL_KEYS);
    assertTrue(missing.isEmpty(), where + " lacks configuration keys " + missing);
    assertTrue(
        unknown.isEmpty(), where + " sets keys the service does not read (typo?) " + unknown);
  }

  /** A Secret's values, decoded: {@code data} is base64, {@code stringData} plain. */
  private static Map<String, String> secretValues(JsonNode secret) {
    Map<String, String> values = new LinkedHashMap<>();
    secret
        .path("data")
        .fields()
        .forEachRemaining(
            e ->
                values.put(
                    e.getKey(),
                    new String(
                        Base64.getDecoder().decode(e.getValue().asText()),
                        StandardCharsets.UTF_8)));
    secret
        .path("stringData")
        .fields()
        .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }

  /** A compose service's environment, whether written as a map or as a KEY=value list. */
  private static Map<String, String> environment(JsonNode service) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode node = service.path("environment");
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    } else {
      for (JsonNode entry : node) {
        String[] kv = entry.asText().split("=", 2);
        env.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return env;
  }

  private static String argumentAfter(List<String> command, String flag) {
    int i = command.indexOf(flag);
    assertTrue(i >= 0 && i + 1 < command.size(), flag + " in " + command);
    return command.get(i + 1);
  }

  private static Set<String> names(List<JsonNode> docs) {
    return docs.stream()
        .map(d -> d.path("metadata").path("name").asText())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> textValues(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    Iterator<JsonNode> it = array.elements();
    it.forEachRemaining(list::add);
    return list.stream();
  }

  private static String id(JsonNode doc) {
    return doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.sorted(Comparator.naturalOrder()).collect(Collectors.toList())) {
        if (from.relativize(source).startsWith("live")) {
          continue; // a developer's own live overlays (real values) are never copied
        }
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
