package org.msp.onboarding.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /v2/organizations-detailed: the paged listing with each organization's locations and policy
 * mapping.
 */
class SimDetailedListingTest {

  private static NinjaOneSimulator sim;
  private static SimTestClient client;

  @BeforeAll
  static void startSimulator() {
    sim = NinjaOneSimulator.start(0, "c", "s");
    client = new SimTestClient(sim.baseUrl());
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @BeforeEach
  void freshSimulatorWithToken() {
    sim.resetAll();
    client.login("c", "s");
  }

  @Test
  void detailedListingPagesWithAfterAndCarriesLocationsPoliciesAndFields() {
    sim.seedOrganizations(3, "Org ");
    client.call(
        "POST",
        "/v2/organizations",
        "{\"name\":\"Acme\",\"fields\":{\"tier\":\"Gold\"},"
            + "\"locations\":[{\"name\":\"HQ\"}],\"policies\":[{\"nodeRoleId\":1,\"policyId\":100}]}");

    JsonNode first =
        SimTestClient.json(client.call("GET", "/v2/organizations-detailed?pageSize=2", null));
    assertEquals(2, first.size());
    long after = first.get(1).get("id").asLong();
    JsonNode rest =
        SimTestClient.json(
            client.call("GET", "/v2/organizations-detailed?pageSize=2&after=" + after, null));
    assertEquals(2, rest.size());
    JsonNode acme = rest.get(1);
    assertEquals("Acme", acme.get("name").asText());
    assertEquals("Main Office", acme.get("locations").get(0).get("name").asText());
    assertEquals("HQ", acme.get("locations").get(1).get("name").asText());
    assertEquals(100, acme.get("policies").get(0).get("policyId").asInt());
    assertEquals("Gold", acme.get("fields").get("tier").asText());
  }

  @Test
  void detailedListingRefusesAQueryParameterThePublishedDocumentDoesNotDescribe() {
    assertEquals(
        400,
        client.call("GET", "/v2/organizations-detailed?pageSize=2&limit=5", null).statusCode());
    assertEquals(200, client.call("GET", "/v2/organizations-detailed?of=x", null).statusCode());
  }
}
