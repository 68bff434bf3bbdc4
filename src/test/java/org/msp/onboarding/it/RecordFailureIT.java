package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An outcome the database refuses for good (here a CHECK constraint on the deployment tasks) halts
 * the saga after a few attempts instead of calling NinjaOne once per lease for ever; an operator's
 * retry, once the cause is fixed, finishes it.
 */
class RecordFailureIT extends StackTest {
  private static final String CONSTRAINT = "it_refuses_one_location";
  private static final int HALT_AFTER = 3;

  private void sql(String statement) throws SQLException {
    try (Connection c = stack.database.connect();
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  @AfterEach
  void dropConstraint() throws SQLException {
    sql("ALTER TABLE agent_deployment_task DROP CONSTRAINT IF EXISTS " + CONSTRAINT);
  }

  private long installerCalls(long organizationId) {
    return ninjaOne.calls().stream()
        .filter(
            c ->
                c.path().contains("/organization/" + organizationId + "/")
                    && c.path().contains("installer"))
        .count();
  }

  private double metric(String line) {
    String scrape = stack.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
    return scrape
        .lines()
        .filter(l -> l.startsWith(line))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void outcomeTheDatabaseRefusesForGoodHaltsTheSagaUntilAnOperatorRetriesIt() throws SQLException {
    Events.Event event = Events.newClient("unrecordable");
    String location = "Unrecordable " + event.clientId();
    ((ObjectNode) event.organization().withArray("locations").get(1)).put("name", location);
    ((ObjectNode) event.json().withArray("agentDeployments").get(1)).put("location", location);
    sql(
        "ALTER TABLE agent_deployment_task ADD CONSTRAINT "
            + CONSTRAINT
            + " CHECK (location_name <> '"
            + location
            + "') NOT VALID");
    stack.publish(event);
    String id = api.awaitSagaId(event.clientId());

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> api.saga(id).getBoolean("stuck"));
    JsonPath halted = api.saga(id);
    assertEquals("RUNNING", halted.getString("status"));
    assertTrue(
        halted.getString("stuckReason").contains("halted")
            && halted.getString("stuckReason").contains(CONSTRAINT),
        halted.getString("stuckReason"));
    long organizationId = halted.getLong("organizationId");
    long calls = installerCalls(organizationId);
    // Headquarters' installer comes from generate-installer (it names a node role); the refused
    // location's from its path.
    assertEquals(HALT_AFTER, calls, "one run of the step per failed record");
    assertTrue(metric("onboarding_saga_record_failures_total{kind=\"permanent\"") >= HALT_AFTER);
    assertTrue(metric("onboarding_saga_record_failures_total") >= HALT_AFTER);
    await().atMost(Duration.ofSeconds(5)).until(() -> metric("onboarding_sagas_halted") >= 1);
    assertTrue(
        stack.service.logTail(400).contains("saga " + id + " halted"), "an ERROR names the saga");

    // Halted means no claim takes it: well past a lease and several polls, NinjaOne hears nothing
    // more.
    await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);
    assertEquals(calls, installerCalls(organizationId), "no NinjaOne call while halted");
    assertEquals("RUNNING", api.saga(id).getString("status"));

    dropConstraint();
    stack.request().post("/api/v1/sagas/" + id + "/retry").then().statusCode(202);
    JsonPath done = api.awaitStatus(event.clientId(), "COMPLETED");
    assertEquals(false, done.getBoolean("stuck"));
    List<Map<String, Object>> tasks = api.deploymentTasks(organizationId);
    assertEquals(2, tasks.size());
  }
}
