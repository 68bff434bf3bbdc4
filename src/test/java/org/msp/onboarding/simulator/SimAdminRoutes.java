package org.msp.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * The /_sim/ endpoints, for scripts and benchmarks that run the simulator as a separate process:
 * they can read its state and call log and steer its faults without a token.
 */
final class SimAdminRoutes {

  private final NinjaOneSimulator simulator;
  private final SimStore store;
  private final SimDevices devices;
  private final SimRouter router = new SimRouter(false);

  SimAdminRoutes(NinjaOneSimulator simulator, SimStore store, SimDevices devices) {
    this.simulator = simulator;
    this.store = store;
    this.devices = devices;
    router
        .add("GET", "/_sim/state", (r, p) -> state())
        .add(
            "GET",
            "/_sim/calls",
            (r, p) -> SimResponse.json(200, simulator.calls().stream().map(SimJson::call).toList()))
        .add(
            "GET",
            "/_sim/contract-violations",
            (r, p) -> SimResponse.json(200, simulator.contractViolations()))
        .add("GET", "/_sim/faults", (r, p) -> SimResponse.json(200, simulator.faultCounts()))
        .add("POST", "/_sim/faults", (r, p) -> configureFaults(SimBody.object(r.json(), "body")))
        .add("POST", "/_sim/reset", (r, p) -> reset())
        .add("POST", "/_sim/seed", (r, p) -> seed(SimBody.object(r.json(), "body")))
        .add("POST", "/_sim/devices", (r, p) -> enrol(SimBody.object(r.json(), "body")));
  }

  SimResponse dispatch(SimRequest request) {
    return router.dispatch(request);
  }

  private SimResponse state() {
    return SimResponse.json(
        200,
        Map.of(
            "organizations",
            SimJson.organizations(store.snapshots(), true),
            "devices",
            devices.all().stream().map(SimDeviceRoutes::json).toList()));
  }

  private SimResponse reset() {
    simulator.resetAll();
    return SimResponse.json(200, Map.of("reset", true));
  }

  private SimResponse seed(JsonNode body) {
    long count = SimBody.requiredNumber(body, "count");
    if (count < 0 || count > 10_000_000) {
      throw SimError.badRequest("count must be between 0 and 10000000");
    }
    String prefix = SimBody.text(body, "prefix");
    simulator.seedOrganizations((int) count, prefix == null ? "Seeded Org " : prefix);
    return SimResponse.json(
        200, Map.of("seeded", count, "organizations", store.organizations().size()));
  }

  /**
   * An agent "installed" at a location: {"organizationId", "locationId", "nodeClass",
   * "nodeRoleId"?, "displayName"?}. The device is PENDING when the organization's nodeApprovalMode
   * is MANUAL.
   */
  private SimResponse enrol(JsonNode body) {
    SimDevice device =
        devices.enrol(
            SimBody.requiredNumber(body, "organizationId"),
            SimBody.requiredNumber(body, "locationId"),
            SimBody.requiredText(body, "nodeClass"),
            SimBody.number(body, "nodeRoleId"),
            SimBody.text(body, "displayName"));
    return SimResponse.json(200, SimDeviceRoutes.json(device));
  }

  /**
   * Every field is optional and only the ones present change: {"reset": true} clears faults first,
   * "latencyMs", "randomRate" + "seed", "rejectDuplicateNames", "tokenLifetimeSeconds",
   * "expireTokens": true, and "rules": [{"kind", "method", "pathRegex", "times", "status",
   * "retryAfterSeconds", "delayMs"}].
   */
  private SimResponse configureFaults(JsonNode body) {
    if (body.path("reset").asBoolean(false)) {
      simulator.resetFaults();
    }
    Long latencyMs = SimBody.number(body, "latencyMs");
    if (latencyMs != null) {
      simulator.setLatency(Duration.ofMillis(latencyMs));
    }
    if (body.hasNonNull("randomRate")) {
      Long seed = SimBody.number(body, "seed");
      simulator.setRandomFaults(body.get("randomRate").asDouble(), seed == null ? 42 : seed);
    }
    if (body.hasNonNull("rejectDuplicateNames")) {
      simulator.setRejectDuplicateNames(body.get("rejectDuplicateNames").asBoolean());
    }
    Long lifetime = SimBody.number(body, "tokenLifetimeSeconds");
    if (lifetime != null) {
      simulator.setTokenLifetime(Duration.ofSeconds(lifetime));
    }
    if (body.path("expireTokens").asBoolean(false)) {
      simulator.expireAllTokens();
    }
    if (body.hasNonNull("rules")) {
      SimBody.array(body.get("rules"), "rules").forEach(this::addRule);
    }
    return SimResponse.json(200, simulator.faultCounts());
  }

  private void addRule(JsonNode rule) {
    SimBody.object(rule, "rule");
    String method = SimBody.text(rule, "method");
    String path = SimBody.requiredText(rule, "pathRegex");
    Long timesValue = SimBody.number(rule, "times");
    int times = timesValue == null ? 1 : timesValue.intValue();
    method = method == null ? "*" : method;
    try {
      addRule(rule, method, path, times);
    } catch (PatternSyntaxException e) {
      throw SimError.badRequest("pathRegex is not a valid regex: " + e.getDescription());
    }
  }

  private void addRule(JsonNode rule, String method, String path, int times) {
    switch (SimBody.requiredText(rule, "kind")) {
      case SimFault.STATUS ->
          simulator.failNext(method, path, times, (int) SimBody.requiredNumber(rule, "status"));
      case SimFault.THROTTLE -> simulator.throttleNext(method, path, times, retryAfter(rule));
      case SimFault.HTML -> simulator.htmlThrottleNext(method, path, times);
      case SimFault.DROP -> simulator.dropResponseNext(method, path, times);
      case SimFault.DELAY ->
          simulator.delayNext(
              method, path, times, Duration.ofMillis(SimBody.requiredNumber(rule, "delayMs")));
      default ->
          throw SimError.badRequest("kind must be one of status, throttle, html, drop, delay");
    }
  }

  private static int retryAfter(JsonNode rule) {
    Long seconds = SimBody.number(rule, "retryAfterSeconds");
    return seconds == null ? 1 : seconds.intValue();
  }
}
