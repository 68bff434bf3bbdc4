package org.msp.onboarding.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's devices: enrolment by approval mode, paged listing, approval and rejection. */
class SimDevicesTest {
  private static NinjaOneSimulator sim;
  private static SimTestClient client;

  @BeforeAll
  static void start() {
    sim = NinjaOneSimulator.start(0, "c", "s");
    client = new SimTestClient(sim.baseUrl());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void fresh() {
    sim.resetAll();
    client.login("c", "s");
  }

  private long organization(String name, String mode) {
    HttpResponse<String> created =
        client.call(
            "POST",
            "/v2/organizations",
            "{\"name\":\"" + name + "\",\"nodeApprovalMode\":\"" + mode + "\"}");
    assertEquals(200, created.statusCode(), created.body());
    return SimTestClient.json(created).get("id").asLong();
  }

  private long mainOffice(long org) {
    return sim.locations(org).get(0).id();
  }

  @Test
  void aDeviceJoinsApprovedOrWaitingAsTheOrganizationsApprovalModeSays() {
    long automatic = organization("Auto", "AUTOMATIC");
    long manual = organization("Manual", "MANUAL");
    long refusing = organization("Refusing", "REJECT");
    assertEquals(
        SimDevice.APPROVED,
        sim.enrolDevice(automatic, mainOffice(automatic), "WINDOWS_WORKSTATION").approvalStatus());
    assertEquals(
        SimDevice.PENDING, sim.enrolDevice(manual, mainOffice(manual), "MAC").approvalStatus());
    SimError refused =
        assertThrows(SimError.class, () -> sim.enrolDevice(refusing, mainOffice(refusing), "MAC"));
    assertEquals(409, refused.toResponse().status());
  }

  @Test
  void devicesArePagedByIdWithinTheirOrganization() {
    long org = organization("Paged", "AUTOMATIC");
    long other = organization("Other", "AUTOMATIC");
    for (int i = 0; i < 5; i++) {
      sim.enrolDevice(org, mainOffice(org), "LINUX_SERVER");
      sim.enrolDevice(other, mainOffice(other), "LINUX_SERVER");
    }
    List<Long> seen = new ArrayList<>();
    String after = "";
    while (true) {
      HttpResponse<String> page =
          client.call("GET", "/v2/organization/" + org + "/devices?pageSize=2" + after, null);
      assertEquals(200, page.statusCode(), page.body());
      JsonNode items = SimTestClient.json(page);
      items.forEach(d -> seen.add(d.get("id").asLong()));
      items.forEach(d -> assertEquals(org, d.get("organizationId").asLong()));
      if (items.size() < 2) {
        break;
      }
      after = "&after=" + items.get(items.size() - 1).get("id").asLong();
    }
    assertEquals(sim.devices(org).stream().map(SimDevice::id).toList(), seen);
  }

  @Test
  void approvalLetsAWaitingDeviceInAndRejectionTurnsItAway() {
    long org = organization("Waiting", "MANUAL");
    SimDevice first = sim.enrolDevice(org, mainOffice(org), "WINDOWS_SERVER");
    SimDevice second = sim.enrolDevice(org, mainOffice(org), "WINDOWS_SERVER");

    HttpResponse<String> approved =
        client.call("POST", "/v2/devices/approval/APPROVE", "{\"devices\":[" + first.id() + "]}");
    HttpResponse<String> rejected =
        client.call("POST", "/v2/devices/approval/REJECT", "{\"devices\":[" + second.id() + "]}");

    assertEquals(204, approved.statusCode(), approved.body());
    assertEquals(204, rejected.statusCode(), rejected.body());
    assertEquals(SimDevice.APPROVED, sim.device(first.id()).orElseThrow().approvalStatus());
    assertTrue(sim.device(second.id()).isEmpty(), "a rejected device leaves the organization");
  }

  @Test
  void theAdminRouteEnrolsADeviceThatTheStateShows() {
    long org = organization("Admin", "MANUAL");
    HttpResponse<String> enrolled =
        client.call(
            "POST",
            "/_sim/devices",
            "{\"organizationId\":"
                + org
                + ",\"locationId\":"
                + mainOffice(org)
                + ",\"nodeClass\":\"MAC\",\"displayName\":\"design-mac\"}");
    assertEquals(200, enrolled.statusCode(), enrolled.body());
    assertEquals("PENDING", SimTestClient.json(enrolled).get("approvalStatus").asText());
    JsonNode state = SimTestClient.json(client.call("GET", "/_sim/state", null));
    assertEquals("design-mac", state.get("devices").get(0).get("displayName").asText());
  }

  @Test
  void anApprovalBodyOutsideThePublishedShapeIsRefused() {
    HttpResponse<String> wrong =
        client.call("POST", "/v2/devices/approval/APPROVE", "{\"deviceIds\":[1]}");
    HttpResponse<String> badMode =
        client.call("POST", "/v2/devices/approval/MAYBE", "{\"devices\":[1]}");
    assertEquals(400, wrong.statusCode());
    assertEquals(400, badMode.statusCode());
  }
}
