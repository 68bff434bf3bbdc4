package org.msp.onboarding.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msp.onboarding.harness.tools.RequiresTool;
import org.msp.onboarding.harness.tools.Tool;

/**
 * The Kubernetes conventions of the rendered overlays: Strimzi resources in the only API Strimzi
 * 1.0 accepts, prod images pinned by digest, and Kubernetes' recommended version and instance
 * labels on every object and pod (never in selectors).
 */
@RequiresTool(Tool.KUBECTL)
class ManifestConventionsTest {
  private static final String VERSION = "app.kubernetes.io/version";
  private static final String INSTANCE = "app.kubernetes.io/instance";

  /** An image reference by digest alone: no tag between the last slash and the digest. */
  private static final Pattern BY_DIGEST = Pattern.compile("[^@]+/[^/:@]+@sha256:[0-9a-f]{64}");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void strimziResourcesUseTheV1ApiWithASpecAndAclOperationsAsLists(String overlay) {
    List<JsonNode> strimzi =
        RenderedOverlays.render(overlay).stream()
            .filter(d -> d.path("apiVersion").asText().startsWith("kafka.strimzi.io/"))
            .toList();
    assertFalse(strimzi.isEmpty(), overlay + ": Strimzi resources rendered");
    for (JsonNode doc : strimzi) {
      String id = RenderedOverlays.id(doc);
      assertEquals("kafka.strimzi.io/v1", doc.path("apiVersion").asText(), id);
      // v1 requires .spec on every kind.
      assertTrue(doc.path("spec").isObject(), id + ": spec");
      for (JsonNode acl : doc.path("spec").path("authorization").path("acls")) {
        // v1 dropped the singular `operation`; only the `operations` list remains.
        assertFalse(acl.has("operation"), id + ": ACL with the removed `operation` field");
        assertTrue(
            acl.path("operations").isArray() && !acl.path("operations").isEmpty(),
            id + ": ACL operations");
      }
    }
  }

  @Test
  void prodPinsEveryContainerImageByDigest() {
    List<String> images =
        RenderedOverlays.containers(RenderedOverlays.render("prod"))
            .map(c -> c.path("image").asText())
            .toList();
    assertFalse(images.isEmpty(), "prod containers");
    for (String image : images) {
      assertTrue(BY_DIGEST.matcher(image).matches(), "not pinned by digest alone: " + image);
    }
  }

  @Test
  void devFollowsItsTagSoThePinIsProdsOwn() {
    RenderedOverlays.containers(RenderedOverlays.render("dev"))
        .forEach(c -> assertTrue(c.path("image").asText().endsWith(":dev"), c.toString()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void everyObjectAndPodCarriesTheVersionAndInstanceLabels(String overlay) {
    for (JsonNode doc : RenderedOverlays.render(overlay)) {
      String id = RenderedOverlays.id(doc);
      assertLabelled(doc.path("metadata").path("labels"), overlay + " " + id);
      JsonNode template = doc.path("spec").path("template");
      if (template.isObject()) {
        assertLabelled(template.path("metadata").path("labels"), overlay + " pods of " + id);
      }
      JsonNode selector = doc.path("spec").path("selector");
      assertFalse(selector.toString().contains(VERSION), id + ": version in a selector");
      assertFalse(selector.toString().contains(INSTANCE), id + ": instance in a selector");
    }
  }

  @Test
  void devAndProdAreDistinctInstances() {
    assertNotEquals(instanceOf("dev"), instanceOf("prod"));
  }

  private static String instanceOf(String overlay) {
    return RenderedOverlays.render(overlay)
        .get(0)
        .path("metadata")
        .path("labels")
        .path(INSTANCE)
        .asText();
  }

  private static void assertLabelled(JsonNode labels, String where) {
    assertFalse(labels.path(VERSION).asText().isBlank(), where + ": " + VERSION);
    assertFalse(labels.path(INSTANCE).asText().isBlank(), where + ": " + INSTANCE);
  }
}
