package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.TestJwt;
import org.msp.onboarding.simulator.SimDevice;

/**
 * Agent deployments confirmed by NinjaOne: a task becomes DEPLOYED by itself when a device of its
 * kind enrols at its location; in a MANUAL organization the device waits until an operator approves
 * it through the API.
 */
class DeviceConfirmationIT extends StackTest {

  /** An onboarded client: its organization id and the ids of its two locations. */
  private record Onboarded(long organizationId, long headquarters, long branch) {}

  private Onboarded onboard(String label, String approvalMode) {
    Events.Event event = Events.newClient(label);
    event.organization().put("nodeApprovalMode", approvalMode);
    stack.publish(event);
    JsonPath saga = api.awaitStatus(event.clientId(), "COMPLETED");
    return new Onboarded(
        saga.getLong("organizationId"),
        saga.getLong("locationIds.Headquarters"),
        saga.getLong("locationIds.Branch"));
  }

  private String taskStatus(long organizationId, String location) {
    return api.deploymentTasks(organizationId).stream()
        .filter(t -> location.equals(t.get("locationName")))
        .map(t -> (String) t.get("status"))
        .findFirst()
        .orElseThrow();
  }

  private void awaitTask(long organizationId, String location, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> status.equals(taskStatus(organizationId, location)));
  }

  private List<Map<String, Object>> pendingDevices(long organizationId) {
    return stack
        .request()
        .queryParam("organizationId", organizationId)
        .get("/api/v1/pending-devices")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("devices");
  }

  /** Waits until the device job has read the organization's devices a few more times. */
  private void awaitReads(long organizationId, int more) {
    String path = "/v2/organization/" + organizationId + "/devices";
    long before = ninjaOne.callCount("GET", path);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ninjaOne.callCount("GET", path) >= before + more);
  }

  @Test
  void aTaskBecomesDeployedWhenADeviceOfItsKindEnrolsAtItsLocation() {
    Onboarded org = onboard("device-confirms", "AUTOMATIC");
    ninjaOne.enrolDevice(org.organizationId(), org.headquarters(), "MAC");
    ninjaOne.enrolDevice(org.organizationId(), org.branch(), "LINUX_SERVER");
    awaitReads(org.organizationId(), 2);
    assertEquals("PENDING", taskStatus(org.organizationId(), "Headquarters"), "a Mac is no PC");
    assertEquals("PENDING", taskStatus(org.organizationId(), "Branch"));

    SimDevice pc =
        ninjaOne.enrolDevice(org.organizationId(), org.headquarters(), "WINDOWS_WORKSTATION");

    awaitTask(org.organizationId(), "Headquarters", "DEPLOYED");
    assertEquals("PENDING", taskStatus(org.organizationId(), "Branch"));
    Map<String, Object> task =
        api.deploymentTasks(org.organizationId()).stream()
            .filter(t -> "Headquarters".equals(t.get("locationName")))
            .findFirst()
            .orElseThrow();
    assertEquals(pc.id(), ((Number) task.get("confirmedByDeviceId")).longValue());
    assertEquals(List.of(), deviceCallsRefused());
  }

  @Test
  void aManualOrganizationsDeviceWaitsUntilAnOperatorApprovesItThenConfirmsTheTask()
      throws Exception {
    Onboarded org = onboard("device-manual", "MANUAL");
    SimDevice server =
        ninjaOne.enrolDevice(org.organizationId(), org.headquarters(), "WINDOWS_SERVER");
    assertEquals(SimDevice.PENDING, server.approvalStatus());

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pendingDevices(org.organizationId()).size() == 1);
    Map<String, Object> listed = pendingDevices(org.organizationId()).get(0);
    assertEquals(server.id(), ((Number) listed.get("deviceId")).longValue());
    assertEquals("Headquarters", listed.get("locationName"));
    assertEquals("WINDOWS_SERVER", listed.get("nodeClass"));
    assertEquals("PENDING", taskStatus(org.organizationId(), "Headquarters"), "not approved yet");

    String viewer = stack.jwt.token("vera", TestJwt.VIEWER);
    stack
        .anonymous()
        .auth()
        .oauth2(viewer)
        .post("/api/v1/pending-devices/" + server.id() + "/approve")
        .then()
        .statusCode(403);
    assertEquals(SimDevice.PENDING, ninjaOne.device(server.id()).orElseThrow().approvalStatus());

    stack
        .request()
        .post("/api/v1/pending-devices/" + server.id() + "/approve")
        .then()
        .statusCode(200);

    assertEquals(SimDevice.APPROVED, ninjaOne.device(server.id()).orElseThrow().approvalStatus());
    awaitTask(org.organizationId(), "Headquarters", "DEPLOYED");
    assertTrue(pendingDevices(org.organizationId()).isEmpty());
    assertEquals("it-operator", auditedOperator("APPROVE_DEVICE", "device " + server.id()));
    assertEquals(List.of(), deviceCallsRefused());
  }

  @Test
  void aRejectedDeviceLeavesTheOrganizationAndTheTaskStaysOpen() throws Exception {
    Onboarded org = onboard("device-reject", "MANUAL");
    SimDevice stranger = ninjaOne.enrolDevice(org.organizationId(), org.branch(), "WINDOWS_SERVER");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pendingDevices(org.organizationId()).size() == 1);

    stack
        .request()
        .post("/api/v1/pending-devices/" + stranger.id() + "/reject")
        .then()
        .statusCode(200);

    assertTrue(ninjaOne.device(stranger.id()).isEmpty(), "NinjaOne turned the device away");
    assertTrue(pendingDevices(org.organizationId()).isEmpty());
    awaitReads(org.organizationId(), 1);
    assertEquals("PENDING", taskStatus(org.organizationId(), "Branch"));
    assertEquals("it-operator", auditedOperator("REJECT_DEVICE", "device " + stranger.id()));
  }

  @Test
  void aDeviceNotListedAsWaitingCannotBeDecidedAndABadFilterIsNamed() {
    stack
        .request()
        .post("/api/v1/pending-devices/987654321/approve")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    stack
        .request()
        .queryParam("organizationId", "x")
        .get("/api/v1/pending-devices")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("parameter", equalTo("organizationId"));
  }

  @Test
  void theSagaPageShowsAWaitingDeviceAndItsApproveButtonApprovesIt() {
    Onboarded org = onboard("device-console", "MANUAL");
    SimDevice laptop =
        ninjaOne.enrolDevice(org.organizationId(), org.branch(), "WINDOWS_WORKSTATION");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pendingDevices(org.organizationId()).size() == 1);
    String sagaId = api.deploymentTasks(org.organizationId()).get(0).get("sagaId").toString();

    Map<String, String> viewer = consoleSignIn("vera", TestJwt.VIEWER);
    String seenByViewer = console(viewer).get("/console/sagas/" + sagaId).asString();
    assertTrue(seenByViewer.contains("data-device=\"" + laptop.id() + "\""), seenByViewer);
    assertTrue(!seenByViewer.contains("approve-device"), "a viewer gets no Approve button");

    Map<String, String> operator = consoleSignIn("otto", TestJwt.OPERATOR);
    String page = console(operator).get("/console/sagas/" + sagaId).asString();
    assertTrue(page.contains("/console/devices/" + laptop.id() + "/approve"), page);
    console(operator)
        .header("Origin", stack.baseUrl())
        .contentType("application/x-www-form-urlencoded")
        .formParam("sagaId", sagaId)
        .post("/console/devices/" + laptop.id() + "/approve")
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/sagas/" + sagaId));

    assertEquals(SimDevice.APPROVED, ninjaOne.device(laptop.id()).orElseThrow().approvalStatus());
    awaitTask(org.organizationId(), "Branch", "DEPLOYED");
  }

  private io.restassured.specification.RequestSpecification console(Map<String, String> cookies) {
    return stack.anonymous().redirects().follow(false).cookies(cookies);
  }

  /** The console's sign-in as a browser does it: the token pasted into its form. */
  private Map<String, String> consoleSignIn(String subject, String role) {
    Map<String, String> cookies = new java.util.HashMap<>();
    io.restassured.response.Response signedIn =
        stack
            .anonymous()
            .redirects()
            .follow(false)
            .header("Origin", stack.baseUrl())
            .contentType("application/x-www-form-urlencoded")
            .formParam("token", stack.jwt.token(subject, role))
            .post("/console/login");
    assertEquals(303, signedIn.statusCode());
    cookies.putAll(signedIn.getCookies());
    return cookies;
  }

  /** Device calls the simulator refused as not in NinjaOne's published document. */
  private List<String> deviceCallsRefused() {
    return ninjaOne.contractViolations().stream().filter(v -> v.contains("devices")).toList();
  }

  private String auditedOperator(String action, String subject) throws Exception {
    try (Connection db = stack.database.connect();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT operator FROM operator_action WHERE action = ? AND subject = ?")) {
      query.setString(1, action);
      query.setString(2, subject);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }
}
