package org.msp.onboarding.saga;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.msp.onboarding.saga.request.ClientRequest;

/**
 * The saga rules: what runs next, and what an outcome does to the saga. Plain Java: the runner
 * calls it between the store's reads and writes, and runs steps outside any transaction.
 */
public class SagaEngine {
  private final RetryPolicy retry;
  private final Map<String, SagaDefinition> definitions;
  private final Map<StepName, SagaStep> steps;

  public SagaEngine(RetryPolicy retry, List<SagaDefinition> definitions, List<SagaStep> steps) {
    this.retry = retry;
    this.definitions =
        definitions.stream().collect(Collectors.toMap(SagaDefinition::type, Function.identity()));
    this.steps = steps.stream().collect(Collectors.toMap(SagaStep::name, Function.identity()));
    for (SagaDefinition definition : definitions) {
      for (StepName step : definition.steps()) {
        if (!this.steps.containsKey(step)) {
          throw new IllegalArgumentException(definition.type() + " declares " + step + ", no bean");
        }
      }
    }
  }

  /** A new saga for an accepted request, of the type its admission chose. */
  public Saga start(UUID id, Admission.Start admitted, Instant now) {
    SagaDefinition definition = definition(admitted.sagaType());
    ClientRequest request = admitted.request();
    SagaData data = new SagaData();
    data.organizationId = admitted.organizationId();
    data.managedTags = admitted.managedTags();
    return Saga.start(
        definition,
        id,
        request,
        admitted.organizationName(),
        data,
        name -> steps.get(name).hasWork(request),
        now);
  }

  private SagaDefinition definition(String type) {
    SagaDefinition definition = definitions.get(type);
    if (definition == null) {
      throw new IllegalStateException("no saga definition of type " + type);
    }
    return definition;
  }

  /** What is due for this saga now (marking its step RUNNING), or empty when nothing is. */
  public Optional<Work> plan(Saga saga, Instant now) {
    if (saga.status() == SagaStatus.RUNNING && saga.compensationRequested()) {
      saga.beginCompensation(
          FailureCode.OPERATOR_REQUESTED, "rollback requested by an operator", now);
    }
    if (!saga.isDue(now)) {
      return Optional.empty();
    }
    if (saga.status() == SagaStatus.RUNNING) {
      StepState step = saga.nextForwardStep();
      if (step == null) {
        saga.complete(now);
        return Optional.empty();
      }
      boolean resumed = step.status() == StepStatus.RUNNING;
      step.running(now);
      return Optional.of(work(saga, Work.Phase.FORWARD, step, step.attempts() + 1, resumed));
    }
    StepState step = saga.nextStepToCompensate();
    if (step == null) {
      saga.compensated(now);
      return Optional.empty();
    }
    // Every compensation is a PUT/PATCH or a lookup-then-PATCH, safe to repeat whether or not a
    // lost run applied.
    return Optional.of(
        work(saga, Work.Phase.COMPENSATE, step, step.compensationAttempts() + 1, false));
  }

  private static Work work(
      Saga saga, Work.Phase phase, StepState step, int attempt, boolean resumed) {
    return new Work(
        saga.id(),
        saga.clientId(),
        phase,
        step.name(),
        attempt,
        saga.failureCode(),
        resumed,
        null,
        0);
  }

  /**
   * Runs the step's forward or compensating action on the working copy of the saga's data; a failed
   * NinjaOne call becomes an outcome. A step with a declared checkpoint saves it first; after a
   * step succeeds, the next step's declared checkpoint is taken too, to be saved in this commit.
   */
  public StepOutcome run(Work work, Saga saga, SagaData data) {
    SagaStep step = steps.get(work.step());
    StepContext context =
        new StepContext(
            work.sagaId(),
            saga.request(),
            data,
            work.attempt(),
            work.failureCode(),
            work.resumed());
    try {
      if (work.phase() == Work.Phase.COMPENSATE) {
        return step.compensate(context);
      }
      SagaDefinition definition = definition(saga.type());
      if (definition.hasCheckpoint(work.step()) && step.takeCheckpoint(context)) {
        return new StepOutcome.Checkpoint();
      }
      StepOutcome outcome = step.execute(context);
      if (outcome instanceof StepOutcome.Succeeded) {
        takeNextCheckpoint(work.step(), saga, context);
      }
      return outcome;
    } catch (RemoteCallException e) {
      return e.toOutcome();
    }
  }

  private void takeNextCheckpoint(StepName done, Saga saga, StepContext context) {
    SagaDefinition definition = definition(saga.type());
    Optional<StepName> next = definition.after(done);
    if (next.isEmpty()
        || !definition.hasCheckpoint(next.get())
        || saga.step(next.get()).status() != StepStatus.PENDING) {
      return;
    }
    try {
      steps.get(next.get()).takeCheckpoint(context);
    } catch (RemoteCallException e) {
      // not saved now: the step takes it in a run of its own
    }
  }

  /**
   * The step to run next in the same commit, if the definition declares that it runs with the one
   * that just ran and that one succeeded going forward. The saga is not changed: the run is applied
   * with the others by {@link #applyAll}.
   */
  public Optional<Work> runsWith(Saga saga, StepRun ran) {
    if (ran.work().phase() != Work.Phase.FORWARD
        || !(ran.outcome() instanceof StepOutcome.Succeeded)
        || saga.compensationRequested()) {
      return Optional.empty();
    }
    SagaDefinition definition = definition(saga.type());
    return definition
        .after(ran.work().step())
        .filter(definition::runsWithPrevious)
        .map(saga::step)
        .filter(next -> next.status() == StepStatus.PENDING)
        .map(
            next ->
                new Work(
                    saga.id(),
                    saga.clientId(),
                    Work.Phase.FORWARD,
                    next.name(),
                    next.attempts() + 1,
                    saga.failureCode(),
                    false,
                    ran.work().startBy(),
                    ran.work().leaseEpoch()));
  }

  /**
   * Records the runs of one commit on the saga, in order (a step that ran with the previous one
   * starts here), then plans what is due next.
   */
  public Optional<Work> applyAll(Saga saga, List<StepRun> runs, SagaData data, Instant now) {
    for (StepRun ran : runs) {
      StepState step = saga.step(ran.work().step());
      if (ran.work().phase() == Work.Phase.FORWARD && step.status() == StepStatus.PENDING) {
        step.running(now);
      }
      apply(saga, ran.work(), ran.outcome(), data, now);
    }
    return plan(saga, now);
  }

  /**
   * Records an outcome on the saga: the data it was reached with, the step's new state, the saga's
   * next state and its next attempt time, and the events that follow.
   */
  private void apply(Saga saga, Work work, StepOutcome outcome, SagaData data, Instant now) {
    saga.outcomeRecorded(data, now);
    StepState step = saga.step(work.step());
    if (work.phase() == Work.Phase.FORWARD) {
      applyForward(saga, step, outcome, now);
    } else {
      applyCompensation(saga, step, outcome, now);
    }
  }

  private void applyForward(Saga saga, StepState step, StepOutcome outcome, Instant now) {
    if (outcome instanceof StepOutcome.Succeeded s) {
      step.succeeded(now);
      saga.raise(new SagaEvent.StepSucceeded(step.name()));
      s.events().forEach(saga::raise);
      saga.scheduleAt(now, now);
    } else if (outcome instanceof StepOutcome.Checkpoint) {
      saga.scheduleAt(now, now);
    } else if (outcome instanceof StepOutcome.RetryLater r) {
      if (retry.exhausted(step.attempts() + 1, step.firstFailureAt(), now)) {
        step.failed(r.error(), now);
        saga.beginCompensation(FailureCode.RETRIES_EXHAUSTED, reason(step, r.error()), now);
      } else {
        Instant at =
            now.plus(
                retry.delayAfter(step.attempts() + 1, r.retryAfter(), ThreadLocalRandom.current()));
        step.waitToRetry(r.error(), at, now);
        saga.scheduleAt(at, now);
      }
    } else if (outcome instanceof StepOutcome.Paused p) {
      Instant at = resumeAt(p, now);
      step.pause(p.error(), at);
      saga.scheduleAt(at, now);
    } else if (outcome instanceof StepOutcome.Failed f) {
      step.failed(f.error(), now);
      saga.beginCompensation(f.code(), reason(step, f.error()), now);
    }
  }

  private void applyCompensation(Saga saga, StepState step, StepOutcome outcome, Instant now) {
    if (outcome instanceof StepOutcome.Succeeded s) {
      step.compensated(now);
      s.events().forEach(saga::raise);
      saga.scheduleAt(now, now);
    } else if (outcome instanceof StepOutcome.Checkpoint) {
      saga.scheduleAt(now, now);
    } else if (outcome instanceof StepOutcome.RetryLater r) {
      int attempt = step.compensationAttempts() + 1;
      if (retry.exhausted(attempt, step.compensationFirstFailureAt(), now)) {
        saga.fail(step, r.error(), now);
      } else {
        Instant at =
            now.plus(retry.delayAfter(attempt, r.retryAfter(), ThreadLocalRandom.current()));
        step.compensationWaitToRetry(r.error(), at, now);
        saga.scheduleAt(at, now);
      }
    } else if (outcome instanceof StepOutcome.Paused p) {
      Instant at = resumeAt(p, now);
      step.compensationPause(p.error(), at);
      saga.scheduleAt(at, now);
    } else if (outcome instanceof StepOutcome.Failed f) {
      saga.fail(step, f.error(), now);
    }
  }

  private static Instant resumeAt(StepOutcome.Paused paused, Instant now) {
    return paused.until() == null || paused.until().isBefore(now) ? now : paused.until();
  }

  private static String reason(StepState step, String error) {
    return step.name() + " failed: " + error;
  }
}
