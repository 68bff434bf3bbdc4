package org.msp.onboarding.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The five onboarding steps as the competitors run them: the same eight NinjaOne calls the service
 * makes for a request (create organization; one POST per location; PUT policies; read custom
 * fields, then PATCH them; one installer link per deployment). Each call goes through {@link
 * StepRunner}: DBOS makes it a durable step, the raw baseline just calls it. One code path for
 * both, so they cannot drift apart in what they ask NinjaOne.
 */
final class OnboardingSteps {

  /** Runs one NinjaOne call as a step: durably (DBOS) or directly (raw). */
  interface StepRunner {
    <T> T step(String name, Supplier<T> call);
  }

  private OnboardingSteps() {}

  /**
   * @return the organization id
   */
  static long run(JsonNode event, NinjaOneHttp ninjaOne, StepRunner steps) {
    JsonNode org = event.get("organization");
    String marker = event.get("eventId").asText();
    // 1. CREATE_ORGANIZATION
    long orgId =
        steps.step(
            "createOrganization",
            () ->
                ninjaOne.createOrganization(
                    org.get("name").asText(),
                    org.path("description").asText(null),
                    org.path("nodeApprovalMode").asText("AUTOMATIC"),
                    org.path("tags"),
                    marker));
    // 2. ADD_LOCATIONS: one call (and one step) per location
    Map<String, Long> locationIds = new LinkedHashMap<>();
    for (JsonNode location : org.path("locations")) {
      String name = location.get("name").asText();
      locationIds.put(
          name, steps.step("addLocation " + name, () -> ninjaOne.addLocation(orgId, location)));
    }
    // 3. MAP_POLICIES
    if (org.path("policies").size() > 0) {
      steps.step(
          "mapPolicies",
          () -> {
            ninjaOne.replacePolicies(orgId, org.get("policies"));
            return Boolean.TRUE;
          });
    }
    // 4. SET_CUSTOM_FIELDS: the values before are read (and kept, by DBOS as the step's output)
    // before the write,
    // as the service checkpoints them for its rollback.
    if (org.path("fields").size() > 0) {
      steps.step("readCustomFields", () -> new LinkedHashMap<>(ninjaOne.customFields(orgId)));
      steps.step(
          "writeCustomFields",
          () -> {
            ninjaOne.changeCustomFields(orgId, org.get("fields"));
            return Boolean.TRUE;
          });
    }
    // 5. RECORD_AGENT_DEPLOYMENTS: one installer link per deployment
    for (JsonNode deployment : event.path("agentDeployments")) {
      String location = deployment.get("location").asText();
      String type = deployment.get("installerType").asText();
      Long role =
          deployment.hasNonNull("nodeRoleId") ? deployment.get("nodeRoleId").asLong() : null;
      Long locationId = locationIds.get(location);
      steps.step(
          "installer " + location + " " + type,
          () -> ninjaOne.installerUrl(orgId, locationId, type, role));
    }
    return orgId;
  }
}
