package org.msp.onboarding.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The name check of step 1 in a tenant that answers no 409 for a taken name (NinjaOne's published
 * API).
 */
class CreateOrganizationStepTest {

  @Test
  void firstCreateIsRefusedWhenAForeignOrganizationHoldsTheNameAndNinjaOneWouldAcceptADuplicate() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Taken"), 5);
    sim.ninjaOne.duplicateNamesAllowed = true;
    long foreign = sim.ninjaOne.seedForeign("TAKEN");
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(FailureCode.NAME_CONFLICT, sim.saga.failureCode());
    assertEquals(
        List.of("holdersOf"),
        sim.ninjaOne.calls,
        "no create, nothing sent to the foreign organization");
    assertEquals(1, sim.ninjaOne.organizations.size());
    assertEquals("TAKEN", sim.ninjaOne.organizations.get(foreign).name());
    assertNull(sim.saga.data().organizationId);
  }

  @Test
  void theNameIndexIsToldOfTheCreatedOrganizationAsSoonAsNinjaOneAnswers() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Fresh"), 5);
    sim.runUntilSettled(true);

    long id = sim.saga.data().organizationId;
    assertEquals(List.of(id + " Fresh " + sim.saga.id()), sim.ninjaOne.createdNoted);
  }

  @Test
  void ownOrganizationIsAdoptedByItsMarkerAmongSeveralHoldersOfTheNameNotTheFirstMatch() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Shared"), 5);
    sim.ninjaOne.duplicateNamesAllowed = true;
    sim.ninjaOne.loseAnswerOfNext("createOrganization");
    sim.runUntilSettled(
        false); // the create happened, its answer was lost: the step waits for its retry
    long ours = sim.ninjaOne.organizations.keySet().iterator().next();
    // a foreign organization of the same name, with a lower id (listed first), appears before the
    // retry
    sim.ninjaOne.organizations.put(
        1L, new NinjaOne.Organization(1L, "Shared", Map.of("owner", "x"), List.of()));
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    assertEquals(ours, sim.saga.data().organizationId);
    assertEquals(2, sim.ninjaOne.organizations.size(), "no second organization of ours");
  }

  @Test
  void operatorRollbackOfACreateWhoseRunWasNeverRecordedNeutralisesTheOrganizationFoundByMarker() {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request("Killed"), 5);
    sim.ninjaOne.duplicateNamesAllowed = true;
    // the process died during the create: NinjaOne made the organization, the step stays RUNNING,
    // unrecorded
    sim.runOneStepAndCrash();
    // and a foreign organization of the same name, listed first, exists by the time of the rollback
    sim.ninjaOne.organizations.put(
        1L, new NinjaOne.Organization(1L, "Killed", Map.of(), List.of()));
    sim.saga.requestCompensation(sim.now);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(FailureCode.OPERATOR_REQUESTED, sim.saga.failureCode());
    NinjaOne.Organization ours =
        sim.ninjaOne.organizations.values().stream()
            .filter(o -> !o.userData().isEmpty() && o.userData().containsKey(StepContext.MARKER))
            .findFirst()
            .orElseThrow();
    assertTrue(ours.name().startsWith("Killed [rolled back "), ours.name());
    assertTrue(ours.tags().contains("onboarding-rolled-back"));
    assertEquals(
        1,
        sim.ninjaOne.organizations.values().stream().filter(o -> o.name().equals("Killed")).count(),
        "the foreign organization keeps its name");
    assertTrue(sim.ninjaOne.calls.contains("markedBy"));
  }
}
