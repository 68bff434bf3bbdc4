package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.simulator.SimCall;

/**
 * Every kind of NinjaOne call the service makes, sent to a simulator that refuses whatever
 * NinjaOne's published document does not describe (body properties, query parameters, paths): none
 * may be refused.
 */
class PublishedContractIT extends StackTest {

  @Test
  void everyCallOfSagaRollbackAuditTagJobAndDeploymentsIsOneThePublishedDocumentDescribes() {
    ninjaOne.clearCalls();
    ninjaOne.addNodeRole(
        41, "Contract walk", "WINDOWS_WORKSTATION"); // unknown to the service: re-reads roles

    Events.Event onboarded =
        Events.newClient("contract"); // deployments with and without a node role
    onboarded
        .organization()
        .withArray("policies")
        .addObject()
        .put("nodeRoleId", 41)
        .put("policyId", 150);
    stack.publish(onboarded);
    long organizationId =
        api.awaitStatus(onboarded.clientId(), "COMPLETED").getLong("organizationId");

    ninjaOne.failNext("PATCH", "/v2/organization/\\d+/custom-fields", 1, 409);
    Events.Event rolledBack = Events.newClient("contract-rollback");
    stack.publish(rolledBack);
    api.awaitStatus(rolledBack.clientId(), "COMPENSATED");

    stack
        .request()
        .queryParam("verdict", "MATCHES")
        .get("/api/v1/audit/organizations")
        .then()
        .statusCode(200);

    String job =
        stack
            .request()
            .contentType("application/json")
            .body(
                "{\"filter\":{\"organizationIds\":["
                    + organizationId
                    + "]},\"addTags\":[\"contract\"]}")
            .post("/api/v1/tag-jobs")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath()
            .getString("id");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                "COMPLETED"
                    .equals(
                        stack
                            .request()
                            .get("/api/v1/tag-jobs/" + job)
                            .then()
                            .extract()
                            .jsonPath()
                            .getString("job.status")));

    assertEquals(List.of(), ninjaOne.contractViolations());
    Set<String> kinds =
        ninjaOne.calls().stream().map(PublishedContractIT::kind).collect(Collectors.toSet());
    for (String expected :
        List.of(
            "GET /v2/organizations",
            "GET /v2/organizations-detailed",
            "POST /v2/organizations",
            "GET /v2/organization/{id}",
            "PATCH /v2/organization/{id}",
            "POST /v2/organization/{id}/locations",
            "PUT /v2/organization/{id}/policies",
            "GET /v2/organization/{id}/custom-fields",
            "PATCH /v2/organization/{id}/custom-fields",
            "GET /v2/organization/{id}/location/{id}/installer/WINDOWS_MSI",
            "POST /v2/organization/generate-installer",
            "GET /v2/roles",
            "GET /v2/policies")) {
      assertTrue(kinds.contains(expected), "the walk made no " + expected + " call: " + kinds);
    }
    assertTrue(ninjaOne.calls().stream().noneMatch(c -> c.status() == 400), "no call was refused");
  }

  private static String kind(SimCall call) {
    return call.method() + " " + call.path().replaceAll("/\\d+", "/{id}");
  }
}
