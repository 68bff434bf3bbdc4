package org.msp.onboarding.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Node role ids are per tenant: the service checks them against GET /v2/roles and /v2/policies. */
class TenantNodeRolesIT extends StackTest {

  @Test
  void mappingToARoleTheTenantDoesNotHaveEndsCompensatedWithNothingCreated() {
    Events.Event event = Events.newClient("no-such-role");
    ArrayNode policies = event.organization().putArray("policies");
    policies.addObject().put("nodeRoleId", 1).put("policyId", 100);
    policies
        .addObject()
        .put("nodeRoleId", 3)
        .put("policyId", 200); // a Windows server policy on the Mac role
    event.organization().putArray("locations").addObject().put("name", "Headquarters");
    event
        .json()
        .putArray("agentDeployments")
        .addObject()
        .put("location", "Headquarters")
        .put("installerType", "WINDOWS_MSI")
        .put("nodeRoleId", 7777);
    stack.publish(event);

    JsonPath saga = api.awaitStatus(event.clientId(), "COMPENSATED");
    assertEquals("INVALID_POLICY_MAPPING", saga.getString("failureCode"));
    String reason = saga.getString("failureReason");
    assertTrue(
        reason.contains("policy 200 is for WINDOWS_SERVER devices but node role 3 is MAC"), reason);
    assertTrue(reason.contains("names node role 7777, which does not exist"), reason);
    assertTrue(
        ninjaOne.organizationsNamed(event.organizationName()).isEmpty(), "nothing was created");
  }

  @Test
  void impliedAgentDeploymentsFollowTheTenantsRoleClass() {
    ninjaOne.addNodeRole(31, "Design Macs", "MAC");
    ninjaOne.addPolicy(3100, "Mac baseline", "MAC");
    ninjaOne.addNodeRole(32, "Build servers", "LINUX_SERVER");
    ninjaOne.addPolicy(3200, "Linux servers", "LINUX_SERVER");
    Events.Event event = Events.newClient("tenant-roles");
    ArrayNode policies = event.organization().putArray("policies");
    policies.addObject().put("nodeRoleId", 31).put("policyId", 3100);
    policies.addObject().put("nodeRoleId", 32).put("policyId", 3200);
    event.json().remove("agentDeployments");
    stack.publish(event);

    long organizationId = api.awaitStatus(event.clientId(), "COMPLETED").getLong("organizationId");
    List<Map<String, Object>> tasks = api.deploymentTasks(organizationId);
    assertEquals(
        Set.of(
            "Branch MAC_PKG", "Branch LINUX_DEB", "Headquarters MAC_PKG", "Headquarters LINUX_DEB"),
        tasks.stream()
            .map(t -> t.get("locationName") + " " + t.get("installerType"))
            .collect(Collectors.toSet()));
  }
}
