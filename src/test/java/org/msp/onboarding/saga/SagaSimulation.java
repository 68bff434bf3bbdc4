package org.msp.onboarding.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.msp.onboarding.persistence.SagaEntity;
import org.msp.onboarding.saga.request.AgentDeploymentRequest;
import org.msp.onboarding.saga.request.LocationRequest;
import org.msp.onboarding.saga.request.OnboardingRequest;
import org.msp.onboarding.saga.request.OrganizationRequest;
import org.msp.onboarding.saga.request.PolicyRequest;
import org.msp.onboarding.saga.steps.AddLocationsStep;
import org.msp.onboarding.saga.steps.CreateOrganizationStep;
import org.msp.onboarding.saga.steps.MapPoliciesStep;
import org.msp.onboarding.saga.steps.RecordAgentDeploymentsStep;
import org.msp.onboarding.saga.steps.SetCustomFieldsStep;

/** Drives one saga through the engine as the runner and store would, with a controllable clock. */
class SagaSimulation {
  final FakeNinjaOne ninjaOne = new FakeNinjaOne();
  final SagaEngine engine;
  final SagaEntity saga;
  final OnboardingRequest request;
  SagaData data = new SagaData();
  Instant now = Instant.parse("2026-11-28T10:00:00Z");

  /**
   * NinjaOne down for everyone: a transient failure becomes a pause until the next probe, as
   * SagaDriver makes it.
   */
  boolean circuitOpen;

  SagaSimulation(OnboardingRequest request, int maxAttempts) {
    this(request, maxAttempts, Duration.ofDays(1));
  }

  SagaSimulation(OnboardingRequest request, int maxAttempts, Duration maxElapsed) {
    this.request = request;
    this.engine =
        new SagaEngine(
            new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), maxAttempts, maxElapsed),
            List.of(
                new CreateOrganizationStep(ninjaOne, ninjaOne),
                new AddLocationsStep(ninjaOne),
                new MapPoliciesStep(ninjaOne),
                new SetCustomFieldsStep(ninjaOne),
                new RecordAgentDeploymentsStep(ninjaOne)));
    this.saga =
        SagaEntity.start(
            UUID.randomUUID(),
            request.eventId(),
            request.clientId(),
            request.organization().name(),
            "{}",
            now);
    engine.addSteps(saga, request);
  }

  static OnboardingRequest request(String name) {
    return new OnboardingRequest(
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
            List.of(new PolicyRequest(1L, 100L), new PolicyRequest(2L, 200L))),
        List.of(
            new AgentDeploymentRequest("Headquarters", "WINDOWS_MSI", 1L),
            new AgentDeploymentRequest("Branch", "WINDOWS_MSI", null)));
  }

  /** Runs due steps until the saga waits or ends; jumps the clock to each retry when asked. */
  void runUntilSettled(boolean waitOutRetries) {
    for (int guard = 0; guard < 1000; guard++) {
      Optional<Work> work = engine.plan(saga, now);
      if (work.isEmpty()) {
        if (waitOutRetries && saga.status.isActive()) {
          now = saga.nextAttemptAt;
          continue;
        }
        return;
      }
      StepOutcome outcome = engine.run(work.get(), request, data);
      if (circuitOpen && outcome instanceof StepOutcome.RetryLater r) {
        outcome = new StepOutcome.Paused(r.error(), now.plusSeconds(30));
      }
      engine.apply(saga, work.get(), outcome, now);
      saga.organizationId = data.organizationId;
    }
    throw new AssertionError("saga did not settle");
  }

  /**
   * A crash after the step ran but before its outcome was recorded: the data change is lost too.
   */
  void runOneStepAndCrash() {
    Work work = engine.plan(saga, now).orElseThrow();
    engine.run(work, request, data.copy());
  }
}
