package org.msp.onboarding.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.msp.onboarding.ninjaone.RequestBudget;
import org.msp.onboarding.ninjaone.budget.BudgetMetrics;
import org.msp.onboarding.ninjaone.budget.InProcessSlots;
import org.msp.onboarding.ninjaone.budget.PacedRequestBudget;

/**
 * The eight NinjaOne calls of one onboarding, made with the JDK's HTTP client and nothing else: the
 * client the DBOS contender and the raw baseline share, so both pay the same per-call cost and only
 * what sits around the calls (durability, or none) differs. Errors are not classified as the
 * service does: the benchmark injects none, and a failing call must show up as a failed saga, not
 * be retried into a flattering figure.
 */
final class NinjaOneHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String baseUrl;
  private final String clientId;
  private final String clientSecret;

  /**
   * The request budget, the service's own pacing (slots, PACE, late slots given up) with the slots
   * kept in memory: one process needs no shared row.
   */
  private final RequestBudget budget;

  private volatile String token;

  NinjaOneHttp(
      String baseUrl,
      String clientId,
      String clientSecret,
      double requestsPerSecond,
      int connections) {
    this.baseUrl = baseUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.budget =
        requestsPerSecond > 0
            ? new PacedRequestBudget(
                new InProcessSlots(requestsPerSecond),
                requestsPerSecond,
                new BudgetMetrics(new SimpleMeterRegistry()))
            : RequestBudget.NONE;
    // HTTP/1.1 like the service's REST client; without it the JDK client offers an h2c upgrade on
    // every new
    // connection, which the simulator ignores but which costs a header per call.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(
                java.util.concurrent.Executors.newFixedThreadPool(
                    Math.max(2, connections / 2), daemon()))
            .build();
  }

  long createOrganization(
      String name, String description, String approvalMode, JsonNode tags, String marker) {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", name);
    body.put("description", description);
    body.put("nodeApprovalMode", approvalMode);
    body.set("tags", tags);
    body.putObject("userData").put("onboardingSaga", marker);
    return send("POST", "/v2/organizations", body).get("id").asLong();
  }

  long addLocation(long organizationId, JsonNode location) {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", location.path("name").asText());
    body.put("address", location.path("address").asText(null));
    body.put("description", location.path("description").asText(null));
    return send("POST", "/v2/organization/" + organizationId + "/locations", body)
        .get("id")
        .asLong();
  }

  void replacePolicies(long organizationId, JsonNode policies) {
    ArrayNode body = JSON.createArrayNode();
    policies.forEach(
        p ->
            body.addObject()
                .put("nodeRoleId", p.get("nodeRoleId").asLong())
                .put("policyId", p.get("policyId").asLong()));
    send("PUT", "/v2/organization/" + organizationId + "/policies", body);
  }

  Map<String, Object> customFields(long organizationId) {
    JsonNode answer = send("GET", "/v2/organization/" + organizationId + "/custom-fields", null);
    Map<String, Object> fields = new LinkedHashMap<>();
    answer
        .fields()
        .forEachRemaining(
            e -> fields.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
    return fields;
  }

  void changeCustomFields(long organizationId, JsonNode fields) {
    send("PATCH", "/v2/organization/" + organizationId + "/custom-fields", fields);
  }

  /**
   * With a node role: POST generate-installer; without: GET the location's installer (as the
   * service does).
   */
  String installerUrl(long organizationId, long locationId, String installerType, Long nodeRoleId) {
    JsonNode answer;
    if (nodeRoleId == null) {
      answer =
          send(
              "GET",
              "/v2/organization/"
                  + organizationId
                  + "/location/"
                  + locationId
                  + "/installer/"
                  + installerType,
              null);
    } else {
      ObjectNode body = JSON.createObjectNode();
      body.put("organizationId", organizationId);
      body.put("locationId", locationId);
      body.put("installerType", installerType);
      body.putObject("content").put("nodeRoleId", Long.toString(nodeRoleId));
      answer = send("POST", "/v2/organization/generate-installer", body);
    }
    return answer.get("url").asText();
  }

  /** One call; after a 401 one fresh token and one more try, like the service. */
  private JsonNode send(String method, String path, JsonNode body) {
    String current = token();
    HttpResponse<String> response = exchange(method, path, body, current);
    if (response.statusCode() == 401) {
      renewToken(current);
      response = exchange(method, path, body, token());
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    try {
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON from " + method + " " + path, e);
    }
  }

  private HttpResponse<String> exchange(String method, String path, JsonNode body, String bearer) {
    budget.acquire();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + bearer)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    return await(request.build());
  }

  private String token() {
    String current = token;
    if (current == null) {
      synchronized (this) {
        if (token == null) {
          token = fetchToken();
        }
        current = token;
      }
    }
    return current;
  }

  /** Many threads seeing the same 401 renew the token once. */
  private synchronized void renewToken(String rejected) {
    if (rejected.equals(token)) {
      token = fetchToken();
    }
  }

  /**
   * The client-credentials grant; counted against the budget, as the service counts its token
   * requests.
   */
  private String fetchToken() {
    budget.acquire();
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(clientSecret)
            + "&scope="
            + encode("monitoring management");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/ws/oauth/token"))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response = await(request);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token request answered " + response.statusCode());
    }
    try {
      return JSON.readTree(response.body()).get("access_token").asText();
    } catch (IOException e) {
      throw new UncheckedIOException("token answer is not JSON", e);
    }
  }

  private HttpResponse<String> await(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "ninjaone-http");
      t.setDaemon(true);
      return t;
    };
  }
}
