package org.msp.onboarding.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.msp.onboarding.saga.request.AgentDeploymentRequest;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.LocationRequest;
import org.msp.onboarding.saga.request.OrganizationRequest;
import org.msp.onboarding.saga.request.PolicyRequest;
import org.msp.onboarding.saga.steps.AddChecklistsStep;
import org.msp.onboarding.saga.steps.AddLocationsStep;
import org.msp.onboarding.saga.steps.ClearPoliciesStep;
import org.msp.onboarding.saga.steps.CloseDeploymentsStep;
import org.msp.onboarding.saga.steps.CreateOrganizationStep;
import org.msp.onboarding.saga.steps.MapPoliciesStep;
import org.msp.onboarding.saga.steps.MarkOffboardedStep;
import org.msp.onboarding.saga.steps.RecordAgentDeploymentsStep;
import org.msp.onboarding.saga.steps.SetCustomFieldsStep;
import org.msp.onboarding.saga.steps.UpdateLocationsStep;
import org.msp.onboarding.saga.steps.UpdateOrganizationStep;

/**
 * Drives one saga through the engine as the runner and its store would, with a controllable clock
 * and no database: the events each transition raised are taken as storage takes them.
 */
class SagaSimulation {
  final FakeNinjaOne ninjaOne;
  final SagaEngine engine;
  Saga saga;
  final ClientRequest request;
  final List<SagaEvent> events = new ArrayList<>();

  /** Outcomes recorded, one per commit: a step declared with the previous one shares its commit. */
  int commits;

  Instant now = Instant.parse("2026-11-28T10:00:00Z");

  /**
   * NinjaOne down for everyone: a transient failure becomes a pause until the next probe, as
   * SagaDriver makes it.
   */
  boolean circuitOpen;

  SagaSimulation(ClientRequest request, int maxAttempts) {
    this(request, maxAttempts, Duration.ofDays(1));
  }

  SagaSimulation(ClientRequest request, int maxAttempts, Duration maxElapsed) {
    this(request, maxAttempts, maxElapsed, new FakeNinjaOne());
  }

  /** A saga on a tenant the test prepared (e.g. an organization to adopt). */
  SagaSimulation(ClientRequest request, int maxAttempts, FakeNinjaOne tenant) {
    this(request, maxAttempts, Duration.ofDays(1), tenant);
  }

  private SagaSimulation(
      ClientRequest request, int maxAttempts, Duration maxElapsed, FakeNinjaOne tenant) {
    this.ninjaOne = tenant;
    this.request = request;
    this.engine =
        new SagaEngine(
            new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), maxAttempts, maxElapsed),
            SagaDefinition.ALL,
            List.of(
                new CreateOrganizationStep(ninjaOne, ninjaOne),
                new AddLocationsStep(ninjaOne),
                new MapPoliciesStep(ninjaOne),
                new SetCustomFieldsStep(ninjaOne),
                new RecordAgentDeploymentsStep(ninjaOne),
                new UpdateOrganizationStep(ninjaOne, ninjaOne),
                new UpdateLocationsStep(ninjaOne),
                new MarkOffboardedStep(ninjaOne),
                new ClearPoliciesStep(ninjaOne),
                new CloseDeploymentsStep(),
                new AddChecklistsStep(ninjaOne)));
    start(
        new Admission.Start(
            request, SagaDefinition.ONBOARDING.type(), null, request.organizationName(), null));
  }

  /** Starts the next saga of the same client (an update or offboarding), on the same fake. */
  void start(Admission.Start admitted) {
    this.saga = engine.start(UUID.randomUUID(), admitted, now);
    store();
  }

  static ClientRequest request(String name) {
    return new ClientRequest(
        null,
        "evt-" + name,
        "client-" + name,
        "test",
        null,
        new OrganizationRequest(
            name,
            "desc",
            null,
            List.of("premium"),
            java.util.Map.of("contractType", "Managed", "tier", "Gold"),
            List.of(
                new LocationRequest("Headquarters", "1 Main St", null),
                new LocationRequest("Branch", null, null)),
            List.of(new PolicyRequest(1L, 100L), new PolicyRequest(2L, 200L)),
            null,
            null),
        List.of(
            new AgentDeploymentRequest("Headquarters", "WINDOWS_MSI", 1L),
            new AgentDeploymentRequest("Branch", "WINDOWS_MSI", null)),
        null,
        null);
  }

  /**
   * Runs due steps until the saga waits or ends, each with the steps declared to run with it and
   * recorded together, as SagaDriver does; jumps the clock to each retry when asked.
   */
  void runUntilSettled(boolean waitOutRetries) {
    Optional<Work> work = engine.plan(saga, now);
    store();
    for (int guard = 0; guard < 1000; guard++) {
      if (work.isEmpty()) {
        if (waitOutRetries && saga.status().isActive()) {
          now = saga.nextAttemptAt();
          work = engine.plan(saga, now);
          store();
          continue;
        }
        return;
      }
      SagaData data = saga.data().copy();
      List<StepRun> runs = new ArrayList<>();
      Optional<Work> next = work;
      while (next.isPresent()) {
        StepOutcome outcome = engine.run(next.get(), saga, data);
        if (circuitOpen && outcome instanceof StepOutcome.RetryLater r) {
          outcome = new StepOutcome.Paused(r.error(), now.plusSeconds(30));
        }
        StepRun ran = new StepRun(next.get(), outcome);
        runs.add(ran);
        next = engine.runsWith(saga, ran);
      }
      work = engine.applyAll(saga, runs, data, now);
      commits++;
      store();
    }
    throw new AssertionError("saga did not settle");
  }

  /**
   * A crash after the step ran but before its outcome was recorded: the data change is lost too.
   */
  void runOneStepAndCrash() {
    Work work = engine.plan(saga, now).orElseThrow();
    store();
    engine.run(work, saga, saga.data().copy());
  }

  /**
   * A crash before a commit group's commit: the first due step and the steps declared with it ran,
   * none of their outcomes (or data) was recorded.
   */
  void runCommitGroupAndCrash() {
    Optional<Work> next = engine.plan(saga, now);
    store();
    SagaData data = saga.data().copy();
    while (next.isPresent()) {
      StepRun ran = new StepRun(next.get(), engine.run(next.get(), saga, data));
      next = engine.runsWith(saga, ran);
    }
  }

  /** Storage takes a transition's events (the fake's name index reads its own organizations). */
  private void store() {
    events.addAll(saga.takeRaised());
  }
}
