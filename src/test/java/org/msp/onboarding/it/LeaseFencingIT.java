package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.ServiceProcess;

/**
 * One step never runs in two places at once. Each test runs its own instance of the service, in
 * place of the shared one (same port, database, broker and NinjaOne), configured for the case at
 * hand.
 */
class LeaseFencingIT extends StackTest {
  private static final String CREATE = "/v2/organizations";
  private ServiceProcess own;

  private void startOwnService(String name, Map<String, String> settings) {
    stack.service.stop();
    Map<String, String> env = new LinkedHashMap<>(stack.serviceEnv());
    env.put("QUARKUS_HTTP_PORT", Integer.toString(stack.service.httpPort()));
    env.putAll(settings);
    Path workDir =
        Path.of(System.getProperty("it.work.dir", "target/it")).resolve("lease-fencing-" + name);
    own = ServiceProcess.start(name, workDir, env);
    own.awaitReady(Duration.ofSeconds(90));
  }

  @AfterEach
  void restoreSharedService() {
    if (own != null) {
      own.stop();
    }
    stack.service.restart(Duration.ofSeconds(90));
  }

  private String startSlowCreate(String label, Duration delay) {
    ninjaOne.clearCalls();
    ninjaOne.delayNext("POST", CREATE, 1, delay);
    Events.Event event = Events.newClient(label);
    stack.publish(event);
    String id = api.awaitSagaId(event.clientId());
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> "RUNNING".equals(api.saga(id).getString("steps[0].status")));
    return id;
  }

  private long forwardRecords(String sagaId, String step) throws SQLException {
    try (Connection c = stack.database.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM step_attempt WHERE saga_id = ? AND step_name = ? AND phase = 'FORWARD'")) {
      ps.setObject(1, UUID.fromString(sagaId));
      ps.setString(2, step);
      try (ResultSet row = ps.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  @Test
  void stepOutlivingItsLeaseWithoutHeartbeatsRunsOnceAndIsRecordedOnce() throws SQLException {
    // Heartbeats effectively off: the lease expires while the create call takes far longer than it.
    startOwnService(
        "no-heartbeat",
        Map.of("ONBOARDING_RUNNER_LEASE", "PT3S", "ONBOARDING_RUNNER_HEARTBEAT", "PT1H"));
    String id = startSlowCreate("slow-create", Duration.ofSeconds(9));
    String clientId = api.saga(id).getString("clientId");

    api.awaitStatus(clientId, "COMPLETED", Duration.ofSeconds(90));
    assertEquals(
        1,
        ninjaOne.callCount("POST", CREATE),
        "the organization was created by one run of the step");
    assertEquals(1, forwardRecords(id, "CREATE_ORGANIZATION"), "its outcome was recorded once");
    assertEquals(1, ninjaOne.organizationsNamed(api.saga(id).getString("organizationName")).size());
  }

  @Test
  void outcomeOfAClaimThatWasSupersededIsNotRecorded() throws SQLException {
    startOwnService(
        "superseded",
        Map.of("ONBOARDING_RUNNER_LEASE", "PT3S", "ONBOARDING_RUNNER_HEARTBEAT", "PT1H"));
    String id = startSlowCreate("superseded", Duration.ofSeconds(5));
    // As another claim would: the epoch moves on while the owner stays this very instance.
    try (Connection c = stack.database.connect();
        PreparedStatement ps =
            c.prepareStatement("UPDATE saga SET lease_epoch = lease_epoch + 1 WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(id));
      assertEquals(1, ps.executeUpdate());
    }

    String clientId = api.saga(id).getString("clientId");
    api.awaitStatus(clientId, "COMPLETED", Duration.ofSeconds(90));
    assertTrue(
        own.logTail(400).contains("lease on saga " + id + " was lost"),
        "the superseded outcome was refused");
    assertEquals(
        1, forwardRecords(id, "CREATE_ORGANIZATION"), "only the later run's outcome was recorded");
    assertEquals(
        1,
        ninjaOne.callCount("POST", CREATE),
        "the later run adopted the organization the first created");
    assertEquals(1, ninjaOne.organizationsNamed(api.saga(id).getString("organizationName")).size());
  }

  @Test
  void stepStillRunningAtShutdownKeepsItsLeaseUntilItExpires() throws SQLException {
    // A call longer than the runner waits on SIGTERM (2 s: the 12-s shutdown timeout less 10 s);
    // the lease outlasts the shutdown.
    startOwnService(
        "shutdown",
        Map.of(
            "ONBOARDING_RUNNER_LEASE",
            "PT120S",
            "QUARKUS_SHUTDOWN_TIMEOUT",
            "12S",
            "QUARKUS_REST_CLIENT_NINJAONE_READ_TIMEOUT",
            "90000"));
    String id = startSlowCreate("shutdown", Duration.ofSeconds(20));
    await()
        .pollDelay(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> true); // the call is out

    own.stop();
    assertTrue(
        own.logTail(200).contains("1 step(s) still running keep theirs until they expire"),
        "a graceful shutdown, not a kill: " + own.logTail(30));
    try (Connection c = stack.database.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT lease_owner, lease_until > now(), lease_until FROM saga"
                    + " WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(id));
      try (ResultSet row = ps.executeQuery()) {
        row.next();
        assertNotNull(row.getString(1), "the lease still has its owner");
        assertTrue(
            row.getBoolean(2),
            "the lease has not been freed: " + row.getObject(3, Timestamp.class));
      }
    }
  }
}
