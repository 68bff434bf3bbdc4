package org.msp.onboarding.saga;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.msp.onboarding.persistence.SagaEntity;
import org.msp.onboarding.persistence.SagaEvent;
import org.msp.onboarding.persistence.SagaStepEntity;
import org.msp.onboarding.saga.request.OnboardingRequest;

/**
 * The saga rules: what runs next, and what an outcome does to the saga. Knows nothing of Kafka,
 * HTTP or transactions; the store calls it inside one.
 */
public class SagaEngine {
  private final RetryPolicy retry;
  private final Map<StepName, SagaStep> steps;

  public SagaEngine(RetryPolicy retry, List<SagaStep> steps) {
    this.retry = retry;
    this.steps = steps.stream().collect(Collectors.toMap(SagaStep::name, Function.identity()));
  }

  /** Adds the five steps to a new saga; a step with nothing to do is SKIPPED from the start. */
  public void addSteps(SagaEntity saga, OnboardingRequest request) {
    for (StepName name : StepName.values()) {
      saga.addStep(name, steps.get(name).hasWork(request));
    }
  }

  /** What is due for this saga now (marking its step RUNNING), or empty when nothing is. */
  public Optional<Work> plan(SagaEntity saga, Instant now) {
    if (saga.status == SagaStatus.RUNNING && saga.compensationRequested) {
      saga.beginCompensation(
          FailureCode.OPERATOR_REQUESTED, "rollback requested by an operator", now);
    }
    if (!saga.isDue(now)) {
      return Optional.empty();
    }
    if (saga.status == SagaStatus.RUNNING) {
      SagaStepEntity step = saga.nextForwardStep();
      if (step == null) {
        saga.complete(now);
        return Optional.empty();
      }
      boolean resumed = step.status == StepStatus.RUNNING;
      step.running(now);
      return Optional.of(work(saga, Work.Phase.FORWARD, step, step.attempts + 1, resumed));
    }
    SagaStepEntity step = saga.nextStepToCompensate();
    if (step == null) {
      saga.compensated(now);
      return Optional.empty();
    }
    // Every compensation is a PUT/PATCH or a lookup-then-PATCH, safe to repeat whether or not a
    // lost run applied.
    return Optional.of(
        work(saga, Work.Phase.COMPENSATE, step, step.compensationAttempts + 1, false));
  }

  private static Work work(
      SagaEntity saga, Work.Phase phase, SagaStepEntity step, int attempt, boolean resumed) {
    return new Work(
        saga.id, saga.clientId, phase, step.name, attempt, saga.failureCode, resumed, null, 0);
  }

  /** Runs the step's forward or compensating action; a failed NinjaOne call becomes an outcome. */
  public StepOutcome run(Work work, OnboardingRequest request, SagaData data) {
    SagaStep step = steps.get(work.step());
    StepContext context =
        new StepContext(
            work.sagaId(), request, data, work.attempt(), work.failureCode(), work.resumed());
    try {
      return work.phase() == Work.Phase.FORWARD ? step.execute(context) : step.compensate(context);
    } catch (RemoteCallException e) {
      return e.toOutcome();
    }
  }

  /**
   * Records an outcome on the saga: the step's new state, the saga's next state and its next
   * attempt time.
   */
  public void apply(SagaEntity saga, Work work, StepOutcome outcome, Instant now) {
    SagaStepEntity step = saga.step(work.step());
    if (work.phase() == Work.Phase.FORWARD) {
      applyForward(saga, step, outcome, now);
    } else {
      applyCompensation(saga, step, outcome, now);
    }
  }

  private void applyForward(
      SagaEntity saga, SagaStepEntity step, StepOutcome outcome, Instant now) {
    if (outcome instanceof StepOutcome.Succeeded) {
      step.succeeded(now);
      saga.raised.add(SagaEvent.of("StepSucceeded", step.name.name()));
      saga.scheduleAt(now);
    } else if (outcome instanceof StepOutcome.Checkpoint) {
      saga.scheduleAt(now);
    } else if (outcome instanceof StepOutcome.RetryLater r) {
      if (retry.exhausted(step.attempts + 1, step.firstFailureAt, now)) {
        step.failed(r.error(), now);
        saga.beginCompensation(FailureCode.RETRIES_EXHAUSTED, reason(step, r.error()), now);
      } else {
        Instant at =
            now.plus(
                retry.delayAfter(step.attempts + 1, r.retryAfter(), ThreadLocalRandom.current()));
        step.waitToRetry(r.error(), at, now);
        saga.scheduleAt(at);
      }
    } else if (outcome instanceof StepOutcome.Paused p) {
      Instant at = resumeAt(p, now);
      step.pause(p.error(), at);
      saga.scheduleAt(at);
    } else if (outcome instanceof StepOutcome.Failed f) {
      step.failed(f.error(), now);
      saga.beginCompensation(f.code(), reason(step, f.error()), now);
    }
  }

  private void applyCompensation(
      SagaEntity saga, SagaStepEntity step, StepOutcome outcome, Instant now) {
    if (outcome instanceof StepOutcome.Succeeded) {
      step.compensated(now);
      saga.scheduleAt(now);
    } else if (outcome instanceof StepOutcome.Checkpoint) {
      saga.scheduleAt(now);
    } else if (outcome instanceof StepOutcome.RetryLater r) {
      if (retry.exhausted(step.compensationAttempts + 1, step.compensationFirstFailureAt, now)) {
        compensationFailed(saga, step, r.error(), now);
      } else {
        int attempt = step.compensationAttempts + 1;
        Instant at =
            now.plus(retry.delayAfter(attempt, r.retryAfter(), ThreadLocalRandom.current()));
        step.compensationWaitToRetry(r.error(), at, now);
        saga.scheduleAt(at);
      }
    } else if (outcome instanceof StepOutcome.Paused p) {
      Instant at = resumeAt(p, now);
      step.compensationPause(p.error(), at);
      saga.scheduleAt(at);
    } else if (outcome instanceof StepOutcome.Failed f) {
      compensationFailed(saga, step, f.error(), now);
    }
  }

  private static void compensationFailed(
      SagaEntity saga, SagaStepEntity step, String error, Instant now) {
    step.compensationFailed(error);
    String left =
        saga.steps.stream()
            .filter(
                s ->
                    s.status == StepStatus.SUCCEEDED
                        || (s.status == StepStatus.FAILED && s.attempts > 0))
            .map(s -> s.name.name())
            .collect(Collectors.joining(", "));
    saga.fail(
        "Rollback of "
            + step.name
            + " failed: "
            + error
            + ". Not rolled back: "
            + left
            + (saga.organizationId == null ? "" : " (organization " + saga.organizationId + ")"),
        now);
  }

  private static Instant resumeAt(StepOutcome.Paused paused, Instant now) {
    return paused.until() == null || paused.until().isBefore(now) ? now : paused.until();
  }

  private static String reason(SagaStepEntity step, String error) {
    return step.name + " failed: " + error;
  }
}
