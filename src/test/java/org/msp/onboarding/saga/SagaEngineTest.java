package org.msp.onboarding.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.saga.request.AgentDeploymentRequest;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.LocationRequest;
import org.msp.onboarding.saga.request.OrganizationRequest;
import org.msp.onboarding.saga.request.PolicyRequest;

class SagaEngineTest {

  @Test
  void happyPathRunsTheFiveStepsInOrderAndCompletes() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Acme"), 5);
    sim.runUntilSettled(false);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    assertEquals(
        List.of(
            "holdersOf",
            "createOrganization",
            "addLocation",
            "addLocation",
            "replacePolicies",
            "customFields",
            "changeCustomFields",
            "installerUrl",
            "installerUrl"),
        sim.ninjaOne.calls);
    sim.saga.steps().stream()
        .filter(s -> s.name() != StepName.ADD_CHECKLISTS) // the request names no checklist
        .forEach(s -> assertEquals(StepStatus.SUCCEEDED, s.status(), s.name().name()));
    assertEquals(StepStatus.SKIPPED, sim.saga.step(StepName.ADD_CHECKLISTS).status());
    assertEquals(
        List.of(
            "Started",
            "StepSucceeded",
            "OrganizationNamed",
            "StepSucceeded",
            "StepSucceeded",
            "StepSucceeded",
            "StepSucceeded",
            "DeploymentTasksDue",
            "Completed"),
        sim.events.stream().map(e -> e.getClass().getSimpleName()).toList());
  }

  @Test
  void stepWithNothingToDoIsSkipped() {
    var base = SagaSimulation.request("Lean");
    var org = base.organization();
    var request =
        new org.msp.onboarding.saga.request.ClientRequest(
            null,
            base.eventId(),
            base.clientId(),
            null,
            null,
            new org.msp.onboarding.saga.request.OrganizationRequest(
                org.name(), null, null, null, null, null, null, null, null),
            null,
            null,
            null);
    SagaSimulation sim = new SagaSimulation(request, 5);
    sim.runUntilSettled(false);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    assertEquals(List.of("holdersOf", "createOrganization"), sim.ninjaOne.calls);
    assertEquals(StepStatus.SKIPPED, sim.saga.step(StepName.MAP_POLICIES).status());
  }

  @Test
  void unknownNodeRoleIsRefusedBeforeAnythingIsWritten() {
    var base = SagaSimulation.request("Roles");
    var o = base.organization();
    var request =
        new ClientRequest(
            null,
            base.eventId(),
            base.clientId(),
            null,
            null,
            new OrganizationRequest(
                o.name(),
                null,
                null,
                null,
                null,
                o.locations(),
                List.of(new PolicyRequest(42L, 100L)),
                null,
                null),
            null,
            null,
            null);
    SagaSimulation sim = new SagaSimulation(request, 5);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(FailureCode.INVALID_POLICY_MAPPING, sim.saga.failureCode());
    assertTrue(
        sim.saga.failureReason().contains("node role 42 does not exist"), sim.saga.failureReason());
    assertEquals(List.of(), sim.ninjaOne.calls, "no write, and no look-up during the rollback");
  }

  @Test
  void impliedDeploymentsFollowTheTenantsRoleClassesNotTheirNumbers() {
    var base = SagaSimulation.request("Classes");
    var o = base.organization();
    var request =
        new ClientRequest(
            null,
            base.eventId(),
            base.clientId(),
            null,
            null,
            new OrganizationRequest(
                o.name(),
                null,
                null,
                null,
                null,
                List.of(new LocationRequest("Studio", null, null)),
                List.of(new PolicyRequest(1L, 100L)),
                null,
                null),
            null,
            null,
            null);
    SagaSimulation sim = new SagaSimulation(request, 5);
    sim.ninjaOne.roleClasses.put(
        1L, "MAC"); // in this tenant role 1 is a Mac role; its policies follow
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    assertEquals(
        List.of("Studio|MAC_PKG"),
        sim.saga.data().deployments.stream().map(AgentDeploymentRequest::key).toList());
  }

  @Test
  void transientFailureWaitsWithBackoffThenSucceeds() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Retry"), 5);
    sim.ninjaOne.failNext("replacePolicies", RemoteCallException.Kind.TRANSIENT, 503);
    sim.runUntilSettled(false);

    assertEquals(SagaStatus.RUNNING, sim.saga.status());
    var step = sim.saga.step(StepName.MAP_POLICIES).snapshot();
    assertEquals(StepStatus.WAITING_RETRY, step.status());
    assertEquals(1, step.attempts());
    assertTrue(step.lastError().contains("503"));
    assertFalse(sim.saga.nextAttemptAt().isBefore(sim.now));

    sim.runUntilSettled(true);
    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    assertEquals(2, sim.saga.step(StepName.MAP_POLICIES).attempts());
  }

  @Test
  void aLocationThatFailedIsAddedAgainAndTheOneMadeBesideItIsKept() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Sites"), 5);
    sim.ninjaOne.failNext("addLocation", RemoteCallException.Kind.TRANSIENT, 503);
    sim.runUntilSettled(false);

    assertEquals(StepStatus.WAITING_RETRY, sim.saga.step(StepName.ADD_LOCATIONS).status());
    assertEquals(2, sim.ninjaOne.calls.stream().filter("addLocation"::equals).count());
    assertEquals(1, sim.saga.data().locationIds.size(), "the second site, made beside the failure");

    sim.runUntilSettled(true);
    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    assertEquals(3, sim.ninjaOne.calls.stream().filter("addLocation"::equals).count());
    long org = sim.saga.organizationId();
    assertEquals(
        java.util.Set.of("Main Office", "Headquarters", "Branch"),
        sim.ninjaOne.locations.get(org).keySet());
  }

  @Test
  void anInstallerLinkThatFailedIsFetchedAgainAndTheOtherIsKept() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Links"), 5);
    sim.ninjaOne.failNext("installerUrl", RemoteCallException.Kind.TRANSIENT, 503);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    assertEquals(3, sim.ninjaOne.calls.stream().filter("installerUrl"::equals).count());
    assertEquals(2, sim.saga.data().installerUrls.size());
  }

  @Test
  void exhaustedRetriesRollBackLikeAPermanentFailure() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Tired"), 3);
    for (int i = 0; i < 3; i++) {
      sim.ninjaOne.failNext("replacePolicies", RemoteCallException.Kind.TRANSIENT, 502);
    }
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(FailureCode.RETRIES_EXHAUSTED, sim.saga.failureCode());
    assertEquals(3, sim.saga.step(StepName.MAP_POLICIES).attempts());
  }

  @Test
  void conflictMidSagaUndoesCompletedStepsInReverseOrder() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Clash"), 5);
    sim.ninjaOne.failNext("changeCustomFields", RemoteCallException.Kind.CONFLICT, 409);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(FailureCode.CONFLICT, sim.saga.failureCode());
    List<String> afterFailure =
        sim.ninjaOne.calls.subList(
            sim.ninjaOne.calls.indexOf("changeCustomFields") + 1, sim.ninjaOne.calls.size());
    // fields restored (step 4), policies emptied (step 3), organization neutralised (step 1)
    assertEquals(
        List.of("changeCustomFields", "replacePolicies", "changeOrganization"), afterFailure);
    long orgId = sim.saga.data().organizationId;
    assertEquals(List.of(), sim.ninjaOne.policies.get(orgId));
    assertEquals(Map.of(), sim.ninjaOne.fields.get(orgId));
    var org = sim.ninjaOne.organizations.get(orgId);
    assertTrue(org.name().startsWith("Clash [rolled back "));
    assertTrue(org.tags().contains("onboarding-rolled-back"));
    assertEquals(StepStatus.COMPENSATED, sim.saga.step(StepName.CREATE_ORGANIZATION).status());
    assertEquals(StepStatus.PENDING, sim.saga.step(StepName.RECORD_AGENT_DEPLOYMENTS).status());
  }

  @Test
  void nameConflictWithForeignOrganizationTouchesNothing() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Taken"), 5);
    long foreign = sim.ninjaOne.seedForeign("taken");
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(FailureCode.NAME_CONFLICT, sim.saga.failureCode());
    assertEquals(List.of("holdersOf"), sim.ninjaOne.calls);
    assertEquals("taken", sim.ninjaOne.organizations.get(foreign).name());
    assertNull(sim.saga.data().organizationId);
  }

  @Test
  void lostCreateAnswerIsAdoptedByMarkerWithoutDuplicate() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Lost"), 5);
    sim.ninjaOne.loseAnswerOfNext("createOrganization");
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    assertEquals(1, sim.ninjaOne.organizations.size());
    assertEquals(
        sim.ninjaOne.organizations.keySet().iterator().next(), sim.saga.data().organizationId);
    assertEquals(2, sim.saga.step(StepName.CREATE_ORGANIZATION).attempts());
  }

  @Test
  void crashAfterLocationWasAddedAdoptsItByName() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Crash"), 5);
    sim.runOneStepAndCrash(); // create ran, outcome lost: the retry must adopt it
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    assertEquals(1, sim.ninjaOne.organizations.size());
  }

  @Test
  void stepsDeclaredWithThePreviousOneShareItsCommitSoAFullSagaCostsThree() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Grouped"), 5);
    sim.runUntilSettled(false);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    assertEquals(3, sim.commits, "create + locations, policies (+ checkpoint), fields + agents");
    sim.saga.steps().stream()
        .filter(s -> s.status() != StepStatus.SKIPPED)
        .forEach(s -> assertEquals(1, s.attempts(), s.name().name()));
  }

  @Test
  void aCrashBeforeAGroupsCommitRunsBothStepsAgainAndDuplicatesNothing() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("GroupCrash"), 5);
    sim.runCommitGroupAndCrash(); // the organization and both locations exist, nothing recorded
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    assertEquals(1, sim.ninjaOne.organizations.size());
    long orgId = sim.saga.data().organizationId;
    assertEquals(
        List.of("Main Office", "Headquarters", "Branch"),
        List.copyOf(sim.ninjaOne.locations.get(orgId).keySet()),
        "each location once");
    assertEquals(
        sim.ninjaOne.locations.get(orgId).get("Branch"), sim.saga.data().locationIds.get("Branch"));
  }

  @Test
  void aStepDeclaredWithAFailedOneDoesNotRun() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("GroupFail"), 5);
    sim.ninjaOne.failNext("createOrganization", RemoteCallException.Kind.TRANSIENT, 503);
    sim.runUntilSettled(false);

    assertEquals(SagaStatus.RUNNING, sim.saga.status());
    assertFalse(sim.ninjaOne.calls.contains("addLocation"));
    assertEquals(StepStatus.PENDING, sim.saga.step(StepName.ADD_LOCATIONS).status());
  }

  @Test
  void mainOfficeLocationIsAdoptedNotDuplicated() {
    var base = SagaSimulation.request("Office");
    var org = base.organization();
    var request =
        new org.msp.onboarding.saga.request.ClientRequest(
            null,
            base.eventId(),
            base.clientId(),
            null,
            null,
            new org.msp.onboarding.saga.request.OrganizationRequest(
                org.name(),
                null,
                null,
                null,
                null,
                List.of(
                    new org.msp.onboarding.saga.request.LocationRequest("Main Office", null, null)),
                null,
                null,
                null),
            null,
            null,
            null);
    SagaSimulation sim = new SagaSimulation(request, 5);
    sim.runUntilSettled(false);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    long orgId = sim.saga.data().organizationId;
    assertEquals(1, sim.ninjaOne.locations.get(orgId).size());
    assertEquals(
        sim.ninjaOne.locations.get(orgId).get("Main Office"),
        sim.saga.data().locationIds.get("Main Office"));
  }

  @Test
  void customFieldsAreReadBeforeTheWriteAndRestoredOnRollback() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Fields"), 5);
    sim.ninjaOne.failNext("installerUrl", RemoteCallException.Kind.PERMANENT, 400);
    sim.runUntilSettled(true);

    assertNotNull(sim.saga.data().fieldsBefore);
    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(FailureCode.REJECTED, sim.saga.failureCode());
    assertEquals(Map.of(), sim.ninjaOne.fields.get(sim.saga.data().organizationId));
  }

  @Test
  void rollbackThatCannotFinishEndsFailedSayingWhatIsLeft() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Stuck"), 5);
    sim.ninjaOne.failNext("replacePolicies", RemoteCallException.Kind.CONFLICT, 409);
    sim.ninjaOne.failNext("replacePolicies", RemoteCallException.Kind.PERMANENT, 403);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.FAILED, sim.saga.status());
    assertEquals(FailureCode.COMPENSATION_FAILED, sim.saga.failureCode());
    assertTrue(sim.saga.failureReason().contains("MAP_POLICIES"), sim.saga.failureReason());
    assertTrue(sim.saga.failureReason().contains("CREATE_ORGANIZATION"), sim.saga.failureReason());

    sim.saga.retry(sim.now);
    sim.runUntilSettled(true);
    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
  }

  @Test
  void rollbackResumedByAnOperatorEndsWithTheOriginalFailureAndKeepsTheFailedRecordAsEarlier() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Resumed"), 5);
    sim.ninjaOne.failNext("replacePolicies", RemoteCallException.Kind.CONFLICT, 409);
    sim.ninjaOne.failNext("replacePolicies", RemoteCallException.Kind.PERMANENT, 403);
    sim.runUntilSettled(true);
    String forwardFailure = "MAP_POLICIES failed: ";
    assertEquals(FailureCode.COMPENSATION_FAILED, sim.saga.failureCode());

    sim.saga.retry(sim.now);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(
        FailureCode.CONFLICT,
        sim.saga.failureCode(),
        "what the rollback was for, not that it once failed");
    assertTrue(sim.saga.failureReason().startsWith(forwardFailure), sim.saga.failureReason());
    assertFalse(sim.saga.failureReason().contains("Not rolled back"), sim.saga.failureReason());
    assertTrue(
        sim.saga
            .snapshot()
            .earlierFailure()
            .startsWith("COMPENSATION_FAILED: CONFLICT: " + forwardFailure),
        sim.saga.snapshot().earlierFailure());
    assertTrue(
        sim.saga.snapshot().earlierFailure().contains("Not rolled back: "),
        sim.saga.snapshot().earlierFailure());
  }

  @Test
  void operatorRollbackRequestStopsTheForwardRun() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Stop"), 5);
    sim.ninjaOne.failNext("replacePolicies", RemoteCallException.Kind.TRANSIENT, 503);
    sim.runUntilSettled(false);
    sim.saga.requestCompensation(sim.now);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(FailureCode.OPERATOR_REQUESTED, sim.saga.failureCode());
    assertEquals(StepStatus.COMPENSATED, sim.saga.step(StepName.CREATE_ORGANIZATION).status());
  }

  @Test
  void createWhoseRunWasNeverRecordedLooksForItsOrganizationBeforeCreatingAgain() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Vanished"), 5);
    sim.runOneStepAndCrash(); // the create was applied, the process died before recording it
    sim.ninjaOne.calls.clear();
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    assertEquals(1, sim.ninjaOne.organizations.size());
    assertEquals("holdersOf", sim.ninjaOne.calls.get(0));
    assertEquals(1, sim.saga.step(StepName.CREATE_ORGANIZATION).attempts());
  }

  @Test
  void withoutACountLimitTransientFailuresAreRetriedUntilMaxElapsedThenRolledBack() {
    SagaSimulation sim =
        new SagaSimulation(SagaSimulation.request("Patient"), 0, Duration.ofHours(1));
    failTransiently(sim, "installerUrl", 1_000);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(FailureCode.RETRIES_EXHAUSTED, sim.saga.failureCode());
    StepState.Snapshot step = sim.saga.step(StepName.RECORD_AGENT_DEPLOYMENTS).snapshot();
    assertTrue(
        step.attempts() > 8, "more attempts than the former count limit: " + step.attempts());
    Duration failing = Duration.between(step.firstFailureAt(), step.finishedAt());
    assertTrue(
        failing.compareTo(Duration.ofHours(1)) >= 0
            && failing.compareTo(Duration.ofMinutes(66)) < 0,
        "ended at the first attempt after an hour of failing: " + failing);
  }

  @Test
  void failuresWhileNinjaOneIsDownForEveryoneSpendNoRetries() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Outage"), 3);
    sim.circuitOpen = true;
    failTransiently(sim, "replacePolicies", 20);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    StepState.Snapshot step = sim.saga.step(StepName.MAP_POLICIES).snapshot();
    assertEquals(1, step.attempts(), "only the attempt that succeeded counts");
    assertNull(step.firstFailureAt(), "no failure clock started");
  }

  @Test
  void anOutageDelaysARollbackInProgressWithoutEndingItFailed() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("SlowUndo"), 3);
    sim.ninjaOne.failNext("changeCustomFields", RemoteCallException.Kind.CONFLICT, 409);
    failTransiently(sim, "changeOrganization", 20);
    sim.circuitOpen = true;
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(FailureCode.CONFLICT, sim.saga.failureCode());
    assertEquals(1, sim.saga.step(StepName.CREATE_ORGANIZATION).compensationAttempts());
  }

  @Test
  void aRollbackThatKeepsFailingEndsFailedOnlyAfterMaxElapsed() {
    SagaSimulation sim =
        new SagaSimulation(SagaSimulation.request("UndoTired"), 0, Duration.ofHours(1));
    sim.ninjaOne.failNext("changeCustomFields", RemoteCallException.Kind.CONFLICT, 409);
    failTransiently(sim, "changeOrganization", 1_000);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.FAILED, sim.saga.status());
    StepState.Snapshot step = sim.saga.step(StepName.CREATE_ORGANIZATION).snapshot();
    assertTrue(step.compensationAttempts() > 8, "attempts: " + step.compensationAttempts());
    assertTrue(
        Duration.between(step.compensationFirstFailureAt(), sim.now).compareTo(Duration.ofHours(1))
            >= 0);
  }

  private static void failTransiently(SagaSimulation sim, String call, int times) {
    for (int i = 0; i < times; i++) {
      sim.ninjaOne.failNext(call, RemoteCallException.Kind.TRANSIENT, 503);
    }
  }
}
