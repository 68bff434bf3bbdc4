package org.msp.onboarding.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.msp.onboarding.harness.tools.Tool;

/** deploy/k8s overlays as {@code kubectl kustomize} renders them (offline), once per overlay. */
final class RenderedOverlays {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Map<String, List<JsonNode>> CACHE = new ConcurrentHashMap<>();

  private RenderedOverlays() {}

  static List<JsonNode> render(String overlay) {
    return CACHE.computeIfAbsent(overlay, RenderedOverlays::kustomize);
  }

  /** The pod templates' containers and init containers of every workload object. */
  static Stream<JsonNode> containers(List<JsonNode> docs) {
    return docs.stream()
        .map(d -> d.path("spec").path("template").path("spec"))
        .filter(JsonNode::isObject)
        .flatMap(
            pod ->
                Stream.concat(
                    elements(pod.path("containers")), elements(pod.path("initContainers"))));
  }

  static Stream<JsonNode> elements(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list.stream();
  }

  static String id(JsonNode doc) {
    return doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
  }

  private static List<JsonNode> kustomize(String overlay) {
    Path dir = projectRoot().resolve("deploy/k8s/overlays").resolve(overlay);
    try {
      Path out = Files.createTempFile("kustomize", ".yaml");
      try {
        Process process =
            new ProcessBuilder(Tool.KUBECTL.path().toString(), "kustomize", dir.toString())
                .redirectOutput(out.toFile())
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
          process.destroyForcibly();
          throw new AssertionError("kubectl kustomize " + dir + " failed (see stderr)");
        }
        return parse(Files.readString(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new AssertionError("could not run kubectl kustomize " + dir + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted rendering " + dir, e);
    }
  }

  private static List<JsonNode> parse(String yaml) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null && doc.isObject()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isDirectory(dir.resolve("deploy/k8s"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
  }
}
