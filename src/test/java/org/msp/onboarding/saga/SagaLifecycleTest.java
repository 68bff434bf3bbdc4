package org.msp.onboarding.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.LocationRequest;
import org.msp.onboarding.saga.request.OrganizationRequest;
import org.msp.onboarding.saga.request.PolicyRequest;

/** An onboarded client's update and offboarding, run by the engine against the fake NinjaOne. */
class SagaLifecycleTest {

  private static SagaSimulation onboarded(String name) {
    SagaSimulation sim = new SagaSimulation(SagaSimulation.request(name), 5);
    sim.runUntilSettled(false);
    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    return sim;
  }

  private static ClientRequest update(ClientRequest onboarding, String name, String tier) {
    OrganizationRequest o = onboarding.organization();
    List<LocationRequest> locations = new ArrayList<>(o.locations());
    locations.set(0, new LocationRequest("Headquarters", "2 New St", null));
    locations.add(new LocationRequest("Warehouse", "9 Dock Rd", null));
    return new ClientRequest(
        "ClientUpdated",
        "evt-update",
        onboarding.clientId(),
        null,
        null,
        new OrganizationRequest(
            name,
            o.description(),
            o.nodeApprovalMode(),
            List.of("platinum"),
            Map.of("tier", tier),
            locations,
            List.of(new PolicyRequest(1L, 101L)),
            null,
            null),
        null,
        null,
        null);
  }

  private static void startUpdate(SagaSimulation sim, ClientRequest update, long orgId) {
    sim.start(
        new Admission.Start(
            update, "ClientUpdated", orgId, update.organizationName(), List.of("premium")));
  }

  @Test
  void anUpdateRenamesAddsAndPatchesLocationsSetsFieldsAndReplacesManagedTags() {
    SagaSimulation sim = onboarded("Acme");
    long orgId = sim.saga.organizationId();
    sim.ninjaOne.changeOrganization(
        orgId,
        new NinjaOne.OrganizationChange(null, null, null, List.of("premium", "hand-made"), null));
    ClientRequest update = update(sim.request, "Acme Corp", "Platinum");
    startUpdate(sim, update, orgId);
    sim.runUntilSettled(false);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status(), sim.saga.failureReason());
    NinjaOne.Organization org = sim.ninjaOne.organizations.get(orgId);
    assertEquals("Acme Corp", org.name());
    assertEquals(List.of("hand-made", "platinum"), org.tags(), "a tag the service never set stays");
    assertTrue(sim.ninjaOne.locations.get(orgId).containsKey("Warehouse"));
    long hq = sim.ninjaOne.locations.get(orgId).get("Headquarters");
    assertEquals("2 New St", sim.ninjaOne.locationDetails.get(hq)[0]);
    assertEquals("Platinum", sim.ninjaOne.fields.get(orgId).get("tier"));
    assertEquals(List.of(new PolicyRequest(1L, 101L)), sim.ninjaOne.policies.get(orgId));
    assertEquals(List.of("Warehouse"), sim.saga.data().addedLocations);
  }

  @Test
  void aRolledBackUpdateLeavesTheOrganizationAsItWas() {
    SagaSimulation sim = onboarded("Globex");
    long orgId = sim.saga.organizationId();
    var policiesBefore = sim.ninjaOne.policies.get(orgId);
    var fieldsBefore = Map.copyOf(sim.ninjaOne.fields.get(orgId));
    ClientRequest update = update(sim.request, "Globex Corp", "Platinum");
    startUpdate(sim, update, orgId);
    sim.ninjaOne.failNext("changeCustomFields", RemoteCallException.Kind.PERMANENT, 400);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    NinjaOne.Organization org = sim.ninjaOne.organizations.get(orgId);
    assertEquals("Globex", org.name());
    assertEquals(List.of("premium"), org.tags());
    assertEquals(policiesBefore, sim.ninjaOne.policies.get(orgId));
    assertEquals(fieldsBefore, sim.ninjaOne.fields.get(orgId));
    long hq = sim.ninjaOne.locations.get(orgId).get("Headquarters");
    assertEquals("1 Main St", sim.ninjaOne.locationDetails.get(hq)[0]);
    assertTrue(
        sim.events.stream()
            .anyMatch(
                e -> e instanceof SagaEvent.CleanupDue c && c.description().contains("Warehouse")),
        "the added location, which NinjaOne cannot delete, is left to an operator");
  }

  @Test
  void aRenameToATakenNameIsANameConflictThatChangesNothing() {
    SagaSimulation sim = onboarded("Initech");
    long orgId = sim.saga.organizationId();
    sim.ninjaOne.seedForeign("Initrode");
    startUpdate(sim, update(sim.request, "Initrode", "Gold"), orgId);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(FailureCode.NAME_CONFLICT, sim.saga.failureCode());
    assertEquals("Initech", sim.ninjaOne.organizations.get(orgId).name());
  }

  @Test
  void anOffboardingRejectsNewDevicesEmptiesThePolicyMappingAndTagsTheOrganization() {
    SagaSimulation sim = onboarded("Umbrella");
    long orgId = sim.saga.organizationId();
    ClientRequest offboarding =
        new ClientRequest(
            "ClientOffboarded",
            "evt-off",
            sim.request.clientId(),
            null,
            null,
            null,
            null,
            "left",
            null);
    sim.start(new Admission.Start(offboarding, "ClientOffboarded", orgId, "Umbrella", null));
    sim.runUntilSettled(false);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status(), sim.saga.failureReason());
    assertEquals("REJECT", sim.ninjaOne.approvalModes.get(orgId));
    assertEquals(List.of(), sim.ninjaOne.policies.get(orgId));
    assertEquals(List.of("premium", "offboarded"), sim.ninjaOne.organizations.get(orgId).tags());
    assertEquals("Umbrella", sim.ninjaOne.organizations.get(orgId).name(), "never renamed");
  }

  @Test
  void aRolledBackOffboardingPutsTheMappingAndApprovalModeBack() {
    SagaSimulation sim = onboarded("Hooli");
    long orgId = sim.saga.organizationId();
    var policiesBefore = sim.ninjaOne.policies.get(orgId);
    ClientRequest offboarding =
        new ClientRequest(
            "ClientOffboarded",
            "evt-off",
            sim.request.clientId(),
            null,
            null,
            null,
            null,
            null,
            null);
    sim.start(new Admission.Start(offboarding, "ClientOffboarded", orgId, "Hooli", null));
    sim.ninjaOne.failNext("replacePolicies", RemoteCallException.Kind.PERMANENT, 400);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals("AUTOMATIC", sim.ninjaOne.approvalModes.get(orgId));
    assertEquals(List.of("premium"), sim.ninjaOne.organizations.get(orgId).tags());
    assertEquals(policiesBefore, sim.ninjaOne.policies.get(orgId));
  }

  private static SagaSimulation adopting(String name) {
    FakeNinjaOne tenant = new FakeNinjaOne();
    long legacy = tenant.seed("Legacy " + name, new java.util.LinkedHashMap<>(Map.of("crm", "x")));
    tenant.changeOrganization(
        legacy, new NinjaOne.OrganizationChange(null, null, "MANUAL", List.of("hand-made"), null));
    tenant.locations.put(legacy, new java.util.LinkedHashMap<>(Map.of("Old Site", 900L)));
    tenant.policies.put(legacy, List.of(new PolicyRequest(3L, 300L), new PolicyRequest(1L, 150L)));
    tenant.fields.put(
        legacy, new java.util.LinkedHashMap<>(Map.of("legacyField", "keep", "tier", "Bronze")));
    tenant.calls.clear();
    ClientRequest base = SagaSimulation.request(name);
    OrganizationRequest o = base.organization();
    ClientRequest adopt =
        new ClientRequest(
            null,
            base.eventId(),
            base.clientId(),
            null,
            null,
            new OrganizationRequest(
                o.name(),
                o.description(),
                null,
                o.tags(),
                o.fields(),
                o.locations(),
                o.policies(),
                legacy,
                null),
            base.agentDeployments(),
            null,
            null);
    return new SagaSimulation(adopt, 5, tenant);
  }

  @Test
  void anAdoptedOrganizationKeepsEverythingTheRequestDoesNotName() {
    SagaSimulation sim = adopting("Adopted");
    long legacy = sim.request.organization().ninjaOneOrganizationId();
    sim.runUntilSettled(false);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status(), sim.saga.failureReason());
    assertEquals(legacy, sim.saga.organizationId());
    NinjaOne.Organization org = sim.ninjaOne.organizations.get(legacy);
    assertEquals("Legacy Adopted", org.name(), "never renamed");
    assertEquals(List.of("hand-made", "premium"), org.tags());
    assertEquals("x", org.userData().get("crm"));
    assertEquals(sim.saga.id().toString(), org.userData().get(StepContext.MARKER));
    assertEquals("MANUAL", sim.ninjaOne.approvalModes.get(legacy));
    assertTrue(sim.ninjaOne.locations.get(legacy).containsKey("Old Site"));
    assertTrue(sim.ninjaOne.locations.get(legacy).containsKey("Headquarters"));
    assertEquals(
        List.of(
            new PolicyRequest(3L, 300L), new PolicyRequest(1L, 100L), new PolicyRequest(2L, 200L)),
        sim.ninjaOne.policies.get(legacy),
        "role 3, which the request does not name, keeps its policy");
    assertEquals("keep", sim.ninjaOne.fields.get(legacy).get("legacyField"));
    assertEquals("Gold", sim.ninjaOne.fields.get(legacy).get("tier"));
    assertFalse(sim.ninjaOne.calls.contains("createOrganization"));
  }

  @Test
  void aRolledBackAdoptionLeavesTheOrganizationAsItWas() {
    SagaSimulation sim = adopting("Reverted");
    long legacy = sim.request.organization().ninjaOneOrganizationId();
    sim.ninjaOne.failNext("installerUrl", RemoteCallException.Kind.PERMANENT, 400);
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    NinjaOne.Organization org = sim.ninjaOne.organizations.get(legacy);
    assertEquals("Legacy Reverted", org.name());
    assertEquals(List.of("hand-made"), org.tags());
    assertEquals(Map.of("crm", "x"), org.userData());
    assertEquals("MANUAL", sim.ninjaOne.approvalModes.get(legacy), "never blocked");
    assertEquals(
        List.of(new PolicyRequest(3L, 300L), new PolicyRequest(1L, 150L)),
        sim.ninjaOne.policies.get(legacy));
    assertEquals(Map.of("legacyField", "keep", "tier", "Bronze"), sim.ninjaOne.fields.get(legacy));
    assertTrue(
        sim.events.stream()
            .anyMatch(
                e ->
                    e instanceof SagaEvent.CleanupDue c
                        && c.description().contains("Headquarters")));
  }

  @Test
  void aMissingOrganizationIsNotAdoptedAndNothingIsWritten() {
    SagaSimulation sim = adopting("Missing");
    sim.ninjaOne.organizations.clear();
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(FailureCode.ORGANIZATION_NOT_ADOPTABLE, sim.saga.failureCode());
    assertFalse(sim.ninjaOne.calls.contains("changeOrganization"));
  }

  private static ClientRequest withChecklists(ClientRequest r, List<Long> templates) {
    return new ClientRequest(
        r.type(),
        r.eventId(),
        r.clientId(),
        r.source(),
        r.occurredAt(),
        r.organization(),
        r.agentDeployments(),
        r.reason(),
        templates);
  }

  @Test
  void anOnboardingGetsAChecklistPerTemplate() {
    SagaSimulation done =
        new SagaSimulation(withChecklists(SagaSimulation.request("Lists"), List.of(4L, 5L)), 5);
    done.runUntilSettled(false);
    assertEquals(SagaStatus.COMPLETED, done.saga.status());
    assertEquals(2, done.ninjaOne.checklists.get(done.saga.organizationId()).size());
  }

  @Test
  void aChecklistPostWhoseAnswerWasLostIsNotMadeTwice() {
    SagaSimulation sim =
        new SagaSimulation(withChecklists(SagaSimulation.request("Lost"), List.of(4L, 5L)), 5);
    sim.ninjaOne.loseAnswerOfNext("addChecklistsFromTemplates");
    sim.runUntilSettled(true);

    assertEquals(SagaStatus.COMPLETED, sim.saga.status());
    assertEquals(2, sim.ninjaOne.checklists.get(sim.saga.organizationId()).size());
    assertEquals(
        sim.ninjaOne.checklists.get(sim.saga.organizationId()), sim.saga.data().checklistIds);
  }

  @Test
  void aFailedOnboardingDeletesTheChecklistsItMade() {
    SagaSimulation sim =
        new SagaSimulation(withChecklists(SagaSimulation.request("Undo"), List.of(4L)), 5);
    sim.runUntilSettled(false);
    long orgId = sim.saga.organizationId();
    assertEquals(1, sim.ninjaOne.checklists.get(orgId).size());
    sim.saga.requestCompensation(sim.now);
    sim.runUntilSettled(false);

    assertEquals(SagaStatus.COMPENSATED, sim.saga.status());
    assertEquals(List.of(), sim.ninjaOne.checklists.get(orgId));
  }
}
