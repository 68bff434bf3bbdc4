package org.msp.onboarding.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NinjaOneSimulatorTest {

  private static final String CLIENT_ID = "test-client";
  private static final String CLIENT_SECRET = "test-secret";

  private static NinjaOneSimulator sim;
  private static SimTestClient client;

  @BeforeAll
  static void startSimulator() {
    sim = NinjaOneSimulator.start(0, CLIENT_ID, CLIENT_SECRET);
    client = new SimTestClient(sim.baseUrl());
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @BeforeEach
  void freshSimulatorWithToken() {
    sim.resetAll();
    client.login(CLIENT_ID, CLIENT_SECRET);
    sim.clearCalls();
  }

  // ---- tokens ----

  @Test
  void issuesBearerTokenForClientSecretPost() {
    HttpResponse<String> response =
        client.tokenRequest(
            "grant_type=client_credentials&client_id=test-client&client_secret=test-secret&scope=monitoring%20management",
            null);
    JsonNode token = SimTestClient.json(response);
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    assertEquals("Bearer", token.get("token_type").asText());
    assertEquals(3600, token.get("expires_in").asLong());
    assertEquals("monitoring management", token.get("scope").asText());
    assertTrue(token.get("access_token").asText().length() > 20);
  }

  @Test
  void issuesBearerTokenForClientSecretBasic() {
    HttpResponse<String> response =
        client.tokenRequest(
            "grant_type=client_credentials", SimTestClient.basic(CLIENT_ID, CLIENT_SECRET));
    assertEquals(200, response.statusCode());
  }

  @Test
  void rejectsWrongSecretOrGrantWith401AuthError() {
    HttpResponse<String> wrongSecret =
        client.tokenRequest(
            "grant_type=client_credentials&client_id=test-client&client_secret=nope", null);
    assertEquals(401, wrongSecret.statusCode());
    assertEquals("invalid_client", SimTestClient.json(wrongSecret).get("error").asText());
    assertEquals(401, SimTestClient.json(wrongSecret).get("error_code").asInt());
    HttpResponse<String> wrongGrant =
        client.tokenRequest("grant_type=password", SimTestClient.basic(CLIENT_ID, CLIENT_SECRET));
    assertEquals(401, wrongGrant.statusCode());
  }

  @Test
  void rejectsApiCallWithoutOrWithUnknownTokenWith401() {
    HttpResponse<String> none =
        client.callWithAuthorization("GET", "/v2/organizations", null, null);
    assertEquals(401, none.statusCode());
    assertEquals("unauthorized", SimTestClient.json(none).get("error").asText());
    assertEquals(
        401,
        client
            .callWithAuthorization("GET", "/api/v2/organizations", null, "Bearer bogus")
            .statusCode());
  }

  @Test
  void rejectsTokensAfterExpireAllTokensUntilNextLogin() {
    assertEquals(200, client.call("GET", "/v2/organizations", null).statusCode());
    sim.expireAllTokens();
    assertEquals(401, client.call("GET", "/v2/organizations", null).statusCode());
    client.login(CLIENT_ID, CLIENT_SECRET);
    assertEquals(200, client.call("GET", "/v2/organizations", null).statusCode());
  }

  @Test
  void rejectsTokenOnceItsLifetimeHasPassed() throws InterruptedException {
    sim.setTokenLifetime(Duration.ofMillis(200));
    client.login(CLIENT_ID, CLIENT_SECRET);
    assertEquals(200, client.call("GET", "/v2/organizations", null).statusCode());
    Thread.sleep(300);
    assertEquals(401, client.call("GET", "/v2/organizations", null).statusCode());
  }

  @Test
  void tokenCallsIgnoreWildcardRulesButNotRulesNamingTheTokenPath() {
    sim.failNext("*", ".*", 1, 500);
    assertEquals(
        200,
        client
            .tokenRequest(
                "grant_type=client_credentials", SimTestClient.basic(CLIENT_ID, CLIENT_SECRET))
            .statusCode());
    assertEquals(500, client.call("GET", "/v2/organizations", null).statusCode());
    sim.failNext("POST", "/ws/oauth/token", 1, 503);
    assertEquals(
        503,
        client
            .tokenRequest(
                "grant_type=client_credentials", SimTestClient.basic(CLIENT_ID, CLIENT_SECRET))
            .statusCode());
  }

  // ---- organizations ----

  @Test
  void aTemplateOrganizationsMappingAndFieldsAreCopiedAndChecklistsComeFromTemplates() {
    SimOrganization template =
        sim.seedOrganization(
            "Template",
            "AUTOMATIC",
            List.of(),
            List.of(),
            List.of(new SimPolicyMapping(1, 100)),
            Map.of("tier", "gold", "sla", 4));
    HttpResponse<String> created =
        client.call(
            "POST",
            "/v2/organizations?templateOrganizationId=" + template.id(),
            "{\"name\":\"From template\",\"fields\":{\"tier\":\"silver\"}}");
    assertEquals(200, created.statusCode());
    long id = SimTestClient.json(created).get("id").asLong();
    assertEquals(List.of(new SimPolicyMapping(1, 100)), sim.policies(id));
    assertEquals(Map.of("tier", "silver", "sla", 4), sim.customFields(id));
    assertEquals(
        404,
        client
            .call("POST", "/v2/organizations?templateOrganizationId=999999", "{\"name\":\"X\"}")
            .statusCode());

    HttpResponse<String> lists =
        client.call("POST", "/v2/organization/" + id + "/checklists-from-templates", "[4,5]");
    assertEquals(200, lists.statusCode());
    assertEquals(2, SimTestClient.json(lists).size());
    assertEquals(
        2,
        SimTestClient.json(
                client.call("GET", "/v2/organization/checklists?organizationIds=" + id, null))
            .size());
    long first = sim.checklists(id).get(0)[1];
    assertEquals(
        204,
        client.call("POST", "/v2/organization/checklists/delete", "[" + first + "]").statusCode());
    assertEquals(1, sim.checklists(id).size());
  }

  @Test
  void createsOrganizationWithDefaultMainOfficeLocation() {
    HttpResponse<String> response =
        client.call(
            "POST",
            "/v2/organizations",
            "{\"name\":\"Acme\",\"description\":\"d\",\"userData\":{\"crm\":\"A-1\"},\"tags\":[\"msp\"],"
                + "\"fields\":{\"tier\":\"gold\"}}");
    JsonNode org = SimTestClient.json(response);
    assertEquals(200, response.statusCode());
    assertEquals("AUTOMATIC", org.get("nodeApprovalMode").asText());
    assertEquals("Main Office", org.get("locations").get(0).get("name").asText());
    SimOrganization stored = sim.organizationByName("ACME").orElseThrow();
    assertEquals(org.get("id").asLong(), stored.id());
    assertEquals(Map.of("crm", "A-1"), stored.userData());
    assertEquals(List.of("msp"), stored.tags());
    assertEquals(Map.of("tier", "gold"), sim.customFields(stored.id()));
    assertEquals(
        List.of("Main Office"),
        sim.locations(stored.id()).stream().map(SimLocation::name).toList());
  }

  @Test
  void rejectsDuplicateOrganizationNameCaseInsensitivelyWith409() {
    createOrganization("Acme");
    HttpResponse<String> duplicate =
        client.call("POST", "/v2/organizations", "{\"name\":\"ACME\"}");
    assertEquals(409, duplicate.statusCode());
    assertEquals("CONFLICT", SimTestClient.json(duplicate).get("resultCode").asText());
    assertEquals(
        "organization name must be unique",
        SimTestClient.json(duplicate).get("errorMessage").asText());
    assertEquals(1, sim.organizations().size());
  }

  @Test
  void acceptsDuplicateNamesWhenRejectionIsTurnedOff() {
    sim.setRejectDuplicateNames(false);
    createOrganization("Acme");
    createOrganization("acme");
    assertEquals(2, sim.organizationsNamed("Acme").size());
  }

  @Test
  void rejectsMissingNameBadApprovalModeAndMalformedJsonWith400() {
    assertEquals(
        400, client.call("POST", "/v2/organizations", "{\"description\":\"x\"}").statusCode());
    assertEquals(
        400,
        client
            .call("POST", "/v2/organizations", "{\"name\":\"A\",\"nodeApprovalMode\":\"LATER\"}")
            .statusCode());
    HttpResponse<String> malformed = client.call("POST", "/v2/organizations", "{\"name\":");
    assertEquals(400, malformed.statusCode());
    assertEquals("BAD_REQUEST", SimTestClient.json(malformed).get("resultCode").asText());
    assertTrue(sim.organizations().isEmpty());
  }

  @Test
  void patchesOrganizationPartiallyAndRejectsRenameOntoAnotherName() {
    long acme = createOrganization("Acme");
    createOrganization("Globex");
    HttpResponse<String> patched =
        client.call(
            "PATCH",
            "/v2/organization/" + acme,
            "{\"description\":\"neutralised\",\"nodeApprovalMode\":\"REJECT\"}");
    assertEquals(200, patched.statusCode());
    SimOrganization org = sim.organizationByName("acme").orElseThrow();
    assertEquals("neutralised", org.description());
    assertEquals("REJECT", org.nodeApprovalMode());
    assertEquals(
        409,
        client.call("PATCH", "/v2/organization/" + acme, "{\"name\":\"GLOBEX\"}").statusCode());
    assertEquals(
        200, client.call("PATCH", "/v2/organization/" + acme, "{\"name\":\"ACME\"}").statusCode());
    assertEquals("ACME", sim.organizationByName("acme").orElseThrow().name());
  }

  @Test
  void answers404JsonForUnknownOrganizations() {
    for (String path :
        List.of(
            "/v2/organization/999",
            "/v2/organization/999/locations",
            "/v2/organization/999/custom-fields",
            "/v2/organization/999/policies")) {
      HttpResponse<String> response = client.call("GET", path, null);
      assertEquals(404, response.statusCode(), path);
      assertEquals("NOT_FOUND", SimTestClient.json(response).get("resultCode").asText());
    }
    assertEquals(
        404, client.call("PATCH", "/v2/organization/999", "{\"name\":\"x\"}").statusCode());
  }

  // ---- locations, policies, custom fields, installers ----

  @Test
  void rejectsDuplicateLocationNameWith409AndRenamesLocations() {
    long org = createOrganization("Acme");
    HttpResponse<String> branch =
        client.call(
            "POST",
            "/v2/organization/" + org + "/locations",
            "{\"name\":\"Branch\",\"address\":\"1 Road\"}");
    assertEquals(200, branch.statusCode());
    assertTrue(SimTestClient.json(branch).get("id").asLong() > 0);
    assertEquals(
        409,
        client
            .call("POST", "/v2/organization/" + org + "/locations", "{\"name\":\"branch\"}")
            .statusCode());
    assertEquals(
        409,
        client
            .call("POST", "/v2/organization/" + org + "/locations", "{\"name\":\"MAIN OFFICE\"}")
            .statusCode());
    long mainOffice = sim.locations(org).get(0).id();
    assertEquals(
        200,
        client
            .call(
                "PATCH",
                "/v2/organization/" + org + "/locations/" + mainOffice,
                "{\"name\":\"HQ\"}")
            .statusCode());
    JsonNode list =
        SimTestClient.json(client.call("GET", "/v2/organization/" + org + "/locations", null));
    assertEquals("HQ", list.get(0).get("name").asText());
    assertEquals("1 Road", list.get(1).get("address").asText());
  }

  @Test
  void putReplacesPolicyMappingAndAnswersTheAffectedDeviceIdsWithoutAJsonMediaType() {
    long org = createOrganization("Acme");
    String path = "/v2/organization/" + org + "/policies";
    HttpResponse<String> put =
        client.call(
            "PUT",
            path,
            "[{\"nodeRoleId\":1,\"policyId\":100},{\"nodeRoleId\":2,\"policyId\":200}]");
    assertEquals(200, put.statusCode());
    assertEquals("[]", put.body());
    assertTrue(put.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    assertEquals(
        List.of(new SimPolicyMapping(1, 100), new SimPolicyMapping(2, 200)), sim.policies(org));
    client.call("PUT", path, "[{\"nodeRoleId\":3,\"policyId\":300}]");
    assertEquals(
        300, SimTestClient.json(client.call("GET", path, null)).get(0).get("policyId").asLong());
    assertEquals(List.of(new SimPolicyMapping(3, 300)), sim.policies(org));
  }

  @Test
  void patchMergesCustomFieldsAndNullRemovesOne() {
    long org = createOrganization("Acme");
    String path = "/v2/organization/" + org + "/custom-fields";
    client.call("PATCH", path, "{\"a\":1,\"b\":\"x\"}");
    HttpResponse<String> second = client.call("PATCH", path, "{\"a\":null,\"c\":true}");
    assertEquals(200, second.statusCode());
    assertEquals(
        Map.of("b", "x", "c", true),
        SimJson.MAPPER.convertValue(SimTestClient.json(second), Map.class));
    assertEquals(Map.of("b", "x", "c", true), sim.customFields(org));
    assertEquals("x", SimTestClient.json(client.call("GET", path, null)).get("b").asText());
  }

  @Test
  void returnsInstallerUrlForKnownLocationAndRejectsUnknownTypeOrLocation() {
    long org = createOrganization("Acme");
    long location = sim.locations(org).get(0).id();
    String base = "/v2/organization/" + org + "/location/";
    HttpResponse<String> msi = client.call("GET", base + location + "/installer/WINDOWS_MSI", null);
    assertTrue(
        SimTestClient.json(msi)
            .get("url")
            .asText()
            .startsWith(
                "https://sim.ninjarmm.invalid/agent/installer/"
                    + org
                    + "/"
                    + location
                    + "/WINDOWS_MSI/"));
    assertEquals(
        400, client.call("GET", base + location + "/installer/AMIGA_LHA", null).statusCode());
    assertEquals(404, client.call("GET", base + 9999 + "/installer/MAC_PKG", null).statusCode());
    HttpResponse<String> generated =
        client.call(
            "POST",
            "/v2/organization/generate-installer",
            "{\"organizationId\":"
                + org
                + ",\"locationId\":"
                + location
                + ",\"installerType\":\"LINUX_DEB\","
                + "\"content\":{\"nodeRoleId\":\"4\"}}");
    assertTrue(SimTestClient.json(generated).get("url").asText().contains("/LINUX_DEB/"));
    assertEquals(
        400,
        client.call("GET", base + location + "/installer/WINDOWS_ARM64_MSI", null).statusCode(),
        "not an installer type of the published document");
  }

  // ---- the published contract ----

  @Test
  void refusesBodyPropertiesTheDocumentDoesNotDescribeAndNamesThem() {
    long org = createOrganization("Acme");
    long location = sim.locations(org).get(0).id();
    Map<String, String[]> refused = new java.util.LinkedHashMap<>();
    refused.put(
        "top-level nodeRoleId",
        new String[] {
          "POST",
          "/v2/organization/generate-installer",
          "{\"organizationId\":"
              + org
              + ",\"locationId\":"
              + location
              + ",\"installerType\":\"WINDOWS_MSI\",\"nodeRoleId\":1}",
          "'nodeRoleId'"
        });
    refused.put(
        "read-only usageLimit",
        new String[] {
          "POST",
          "/v2/organization/generate-installer",
          "{\"organizationId\":"
              + org
              + ",\"locationId\":"
              + location
              + ",\"installerType\":\"WINDOWS_MSI\",\"usageLimit\":3}",
          "'usageLimit'"
        });
    refused.put(
        "numeric content.nodeRoleId",
        new String[] {
          "POST",
          "/v2/organization/generate-installer",
          "{\"organizationId\":"
              + org
              + ",\"locationId\":"
              + location
              + ",\"installerType\":\"WINDOWS_MSI\",\"content\":{\"nodeRoleId\":1}}",
          "nodeRoleId"
        });
    refused.put(
        "id in a create",
        new String[] {"POST", "/v2/organizations", "{\"name\":\"X\",\"id\":4}", "'id'"});
    refused.put(
        "location property",
        new String[] {
          "POST",
          "/v2/organizations",
          "{\"name\":\"Y\",\"locations\":[{\"name\":\"HQ\",\"city\":\"Oslo\"}]}",
          "'city'"
        });
    refused.put(
        "policy property",
        new String[] {
          "PUT",
          "/v2/organization/" + org + "/policies",
          "[{\"nodeRoleId\":1,\"policyId\":2,\"inherit\":true}]",
          "'inherit'"
        });
    refused.put(
        "organization patch",
        new String[] {"PATCH", "/v2/organization/" + org, "{\"archived\":true}", "'archived'"});
    refused.put(
        "location patch",
        new String[] {
          "PATCH",
          "/v2/organization/" + org + "/locations/" + location,
          "{\"nodeApprovalMode\":\"REJECT\"}",
          "'nodeApprovalMode'"
        });
    refused.forEach(
        (what, call) -> {
          HttpResponse<String> response = client.call(call[0], call[1], call[2]);
          assertEquals(400, response.statusCode(), what);
          assertTrue(response.body().contains(call[3]), what + ": " + response.body());
        });
    assertEquals(refused.size(), sim.contractViolations().size());
    assertEquals(
        List.of("Acme"),
        sim.organizations().stream().map(SimOrganization::name).toList(),
        "nothing refused was applied");
  }

  @Test
  void refusesQueryParametersAndPathsTheDocumentDoesNotDescribe() {
    HttpResponse<String> query = client.call("GET", "/v2/organizations?pageSize=5&offset=10", null);
    assertEquals(400, query.statusCode());
    assertTrue(query.body().contains("'offset'"), query.body());
    assertEquals(
        200, client.call("GET", "/v2/organizations?pageSize=5&after=0&of=1", null).statusCode());
    HttpResponse<String> path = client.call("GET", "/v2/nothing-here", null);
    assertEquals(400, path.statusCode());
    assertTrue(path.body().contains("GET /v2/nothing-here"), path.body());
    assertEquals(2, sim.contractViolations().size());
  }

  // ---- paging ----

  @Test
  void pagesV2OrganizationsAsBareArraysUntilShortLastPage() {
    sim.seedOrganizations(25, "Paged ");
    List<Integer> sizes = new ArrayList<>();
    long after = 0;
    JsonNode page;
    do {
      page =
          SimTestClient.json(
              client.call("GET", "/v2/organizations?pageSize=10&after=" + after, null));
      assertTrue(page.isArray());
      sizes.add(page.size());
      if (page.size() > 0) {
        assertTrue(page.get(0).get("id").asLong() > after);
        after = page.get(page.size() - 1).get("id").asLong();
      }
    } while (page.size() == 10);
    assertEquals(List.of(10, 10, 5), sizes);
    assertTrue(page.get(0).has("fields") && page.get(0).has("nodeApprovalMode"));
    assertEquals(
        0, SimTestClient.json(client.call("GET", "/v2/organizations?after=" + after, null)).size());
  }

  @Test
  void pagesApiV2OrganizationsInEnvelopeWithPageInfo() {
    sim.seedOrganizations(15, "Paged ");
    JsonNode first =
        SimTestClient.json(client.call("GET", "/api/v2/organizations?pageSize=10", null));
    assertEquals(10, first.get("organizations").size());
    assertTrue(first.get("pageInfo").get("hasNextPage").asBoolean());
    String cursor = first.get("pageInfo").get("endCursor").asText();
    JsonNode last =
        SimTestClient.json(
            client.call("GET", "/api/v2/organizations?pageSize=10&after=" + cursor, null));
    assertEquals(5, last.get("organizations").size());
    assertFalse(last.get("pageInfo").get("hasNextPage").asBoolean());
    JsonNode empty =
        SimTestClient.json(client.call("GET", "/api/v2/organizations?after=9999", null));
    assertTrue(empty.get("pageInfo").get("endCursor").isNull());
  }

  @Test
  void answersOtherEndpointsUnderApiV2PrefixToo() {
    HttpResponse<String> created =
        client.call("POST", "/api/v2/organizations", "{\"name\":\"Acme\"}");
    long org = SimTestClient.json(created).get("id").asLong();
    JsonNode locations =
        SimTestClient.json(client.call("GET", "/api/v2/organization/" + org + "/locations", null));
    assertEquals("Main Office", locations.get(0).get("name").asText());
  }

  @Test
  void seedsTwentyThousandOrganizationsFastAndPagesThroughAll() {
    long started = System.nanoTime();
    sim.seedOrganizations(20_000, "Bulk ");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertTrue(millis < 1000, "seeding took " + millis + " ms");
    Set<Long> ids = new HashSet<>();
    long after = 0;
    for (JsonNode page;
        (page =
                    SimTestClient.json(
                        client.call("GET", "/v2/organizations?pageSize=1000&after=" + after, null)))
                .size()
            > 0; ) {
      page.forEach(org -> ids.add(org.get("id").asLong()));
      after = page.get(page.size() - 1).get("id").asLong();
    }
    assertEquals(20_000, ids.size());
  }

  @Test
  void keepsNamesUniqueUnder64ConcurrentCreates() {
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      calls.add(client.callAsync("POST", "/v2/organizations", "{\"name\":\"Same\"}"));
      calls.add(client.callAsync("POST", "/v2/organizations", "{\"name\":\"Org " + i + "\"}"));
    }
    List<Integer> statuses = calls.stream().map(c -> c.join().statusCode()).toList();
    assertEquals(65, statuses.stream().filter(s -> s == 200).count());
    assertEquals(63, statuses.stream().filter(s -> s == 409).count());
    assertEquals(65, sim.organizations().size());
  }

  // ---- faults ----

  @Test
  void failNextAnswersInjectedStatusWithoutApplyingThenRecovers() {
    long org = createOrganization("Acme");
    String path = "/v2/organization/" + org + "/policies";
    sim.failNext("PUT", ".*/policies", 2, 503);
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> failed = client.call("PUT", path, "[{\"nodeRoleId\":1,\"policyId\":1}]");
      assertEquals(503, failed.statusCode());
      assertEquals("SERVICE_UNAVAILABLE", SimTestClient.json(failed).get("resultCode").asText());
    }
    assertTrue(sim.policies(org).isEmpty());
    assertEquals(200, client.call("PUT", path, "[{\"nodeRoleId\":1,\"policyId\":1}]").statusCode());
    assertEquals(Map.of("status", 2L), sim.faultCounts());
  }

  @Test
  void throttleNextAnswers429WithRetryAfter() {
    long org = createOrganization("Acme");
    sim.throttleNext("GET", "/v2/organization/\\d+/locations", 1, 7);
    HttpResponse<String> throttled =
        client.call("GET", "/v2/organization/" + org + "/locations", null);
    assertEquals(429, throttled.statusCode());
    assertEquals("7", throttled.headers().firstValue("Retry-After").orElseThrow());
    assertEquals("TOO_MANY_REQUESTS", SimTestClient.json(throttled).get("resultCode").asText());
    assertEquals(
        200, client.call("GET", "/v2/organization/" + org + "/locations", null).statusCode());
  }

  @Test
  void htmlThrottleNextAnswersHtmlPageWithout200Json() {
    sim.htmlThrottleNext("POST", "/v2/organizations", 1);
    HttpResponse<String> html = client.call("POST", "/v2/organizations", "{\"name\":\"Acme\"}");
    assertEquals(200, html.statusCode());
    assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(html.body().contains("rate limited"));
    assertTrue(sim.organizations().isEmpty(), "an HTML throttle page must not apply the request");
    assertEquals(200, client.call("POST", "/v2/organizations", "{\"name\":\"Acme\"}").statusCode());
  }

  @Test
  void dropResponseNextAppliesTheRequestButClosesTheConnection() throws IOException {
    sim.dropResponseNext("POST", "/v2/organizations", 1);
    assertThrows(
        IOException.class, () -> client.send("POST", "/v2/organizations", "{\"name\":\"Lost\"}"));
    assertTrue(
        sim.organizationByName("Lost").isPresent(), "the dropped request must still be applied");
    SimCall call = sim.calls().get(0);
    assertEquals(-1, call.status());
    assertEquals("drop", call.fault());
    assertEquals(409, client.send("POST", "/v2/organizations", "{\"name\":\"Lost\"}").statusCode());
  }

  @Test
  void delayNextAndLatencySlowCallsDown() {
    sim.delayNext("GET", "/v2/organizations", 1, Duration.ofMillis(400));
    assertTrue(timedGetMillis() >= 400);
    timedGetMillis();
    assertEquals(
        Arrays.asList("delay", null),
        sim.calls().stream().map(SimCall::fault).toList(),
        "the spike hits only the next call (checked in the log, wall time is noisy on a busy machine)");
    sim.setLatency(Duration.ofMillis(150));
    assertTrue(timedGetMillis() >= 150);
    assertEquals(Map.of("delay", 1L), sim.faultCounts());
  }

  @Test
  void randomFaultsMixAllKindsAndRateZeroTurnsThemOff() {
    long org = createOrganization("Acme");
    String path = "/v2/organization/" + org + "/custom-fields";
    sim.clearCalls();
    sim.setRandomFaults(1.0, 7);
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      calls.add(client.callAsync("PATCH", path, "{\"k" + i + "\":" + i + "}"));
    }
    calls.forEach(c -> c.handle((r, e) -> r).join());
    assertEquals(30, sim.faultCounts().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(Set.of("status", "throttle", "html", "drop", "delay"), sim.faultCounts().keySet());
    assertTrue(sim.calls().stream().allMatch(c -> c.fault() != null));
    sim.setRandomFaults(0, 0);
    assertEquals(200, client.call("GET", path, null).statusCode());
  }

  @Test
  void logsEveryCallWithStatusQueryAndFault() {
    sim.failNext("GET", "/v2/organizations", 1, 502);
    client.call("GET", "/v2/organizations?pageSize=5", null);
    client.call("GET", "/v2/organizations?pageSize=5", null);
    client.callWithAuthorization("GET", "/v2/organizations", null, null);
    List<SimCall> calls = sim.calls();
    assertEquals(3, calls.size());
    assertEquals(
        new SimCall(
            calls.get(0).at(), "GET", "/v2/organizations", "pageSize=5", 502, "status", null),
        calls.get(0));
    assertEquals(200, calls.get(1).status());
    assertNull(calls.get(1).fault());
    assertEquals(401, calls.get(2).status());
    assertEquals(3, sim.callCount("GET", "/v2/organizations"));
    assertEquals(0, sim.callCount("POST", ".*"));
    sim.clearCalls();
    assertTrue(sim.calls().isEmpty());
  }

  // ---- admin endpoints and process mode ----

  @Test
  void adminEndpointsSeedConfigureExposeAndReset() {
    JsonNode seeded =
        SimTestClient.json(client.call("POST", "/_sim/seed", "{\"count\":3,\"prefix\":\"Adm \"}"));
    assertEquals(3, seeded.get("organizations").asInt());
    JsonNode state = SimTestClient.json(client.call("GET", "/_sim/state", null));
    assertEquals(3, state.get("organizations").size());
    assertEquals(
        "Main Office",
        state.get("organizations").get(0).get("locations").get(0).get("name").asText());
    client.call(
        "POST",
        "/_sim/faults",
        "{\"rejectDuplicateNames\":false,\"rules\":[{\"kind\":\"status\","
            + "\"method\":\"GET\",\"pathRegex\":\"/v2/organizations\",\"times\":1,\"status\":503}]}");
    assertEquals(503, client.call("GET", "/v2/organizations", null).statusCode());
    assertEquals(
        1, SimTestClient.json(client.call("GET", "/_sim/faults", null)).get("status").asInt());
    JsonNode calls = SimTestClient.json(client.call("GET", "/_sim/calls", null));
    assertEquals(1, calls.size(), "admin calls are not logged");
    assertEquals(503, calls.get(0).get("status").asInt());
    client.call("POST", "/_sim/faults", "{\"latencyMs\":0,\"randomRate\":0,\"seed\":1}");
    assertEquals(200, client.call("POST", "/_sim/reset", null).statusCode());
    assertTrue(sim.organizations().isEmpty());
    assertTrue(sim.faultCounts().isEmpty());
  }

  @Test
  void mainRunsAsProcessAndPrintsListeningLine() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                NinjaOneSimulator.class.getName(),
                "--port",
                "0",
                "--client-id",
                "p",
                "--client-secret",
                "s")
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertTrue(
          line != null
              && line.matches("NinjaOne simulator listening on http://127\\.0\\.0\\.1:\\d+"),
          line);
      SimTestClient processClient = new SimTestClient(line.substring(line.indexOf("http")));
      processClient.login("p", "s");
      assertEquals(200, processClient.call("GET", "/v2/organizations", null).statusCode());
    } finally {
      process.destroy();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  // ---- helpers ----

  private static long createOrganization(String name) {
    HttpResponse<String> response =
        client.call("POST", "/v2/organizations", "{\"name\":\"" + name + "\"}");
    assertEquals(200, response.statusCode(), response.body());
    return SimTestClient.json(response).get("id").asLong();
  }

  private static long timedGetMillis() {
    long started = System.nanoTime();
    assertEquals(200, client.call("GET", "/v2/organizations", null).statusCode());
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  // ---- outage ----

  @Test
  void stoppedSimulatorRefusesConnectionsThenListensAgainWithItsState() {
    assertEquals(
        200, client.call("POST", "/v2/organizations", "{\"name\":\"Before outage\"}").statusCode());
    sim.stopListening();
    try {
      assertThrows(RuntimeException.class, () -> client.call("GET", "/v2/organizations", null));
    } finally {
      sim.resumeListening();
    }
    HttpResponse<String> after = client.call("GET", "/v2/organizations", null);
    assertEquals(200, after.statusCode());
    assertTrue(after.body().contains("Before outage"), after.body());
  }
}
