package org.msp.onboarding.runner;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.msp.onboarding.ninjaone.NinjaOneCircuit;
import org.msp.onboarding.persistence.Claimant;
import org.msp.onboarding.persistence.LeaseLostException;
import org.msp.onboarding.persistence.RecordFailures;
import org.msp.onboarding.persistence.SagaStore;
import org.msp.onboarding.saga.SagaData;
import org.msp.onboarding.saga.SagaEngine;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.StepRun;
import org.msp.onboarding.saga.Work;

/**
 * Drives one claimed saga: run a step outside any transaction, record its outcome, go on while it
 * is due. While NinjaOne is down for everyone (the circuit is open) it starts no step, and a
 * transient failure costs no retry.
 */
@ApplicationScoped
public class SagaDriver {
  /**
   * Outcomes that cannot be recorded, in a row, before the saga is halted: each costs a run of the
   * step.
   */
  static final int HALT_AFTER_RECORD_FAILURES = 3;

  private static final Logger LOG = Logger.getLogger(SagaDriver.class);

  private final SagaEngine engine;
  private final SagaStore store;
  private final SagaRecorder recorder;
  private final SagaMetrics metrics;
  private final StepTracing tracing;
  private final NinjaOneCircuit circuit;

  public SagaDriver(
      SagaEngine engine,
      SagaStore store,
      SagaRecorder recorder,
      SagaMetrics metrics,
      StepTracing tracing,
      NinjaOneCircuit circuit) {
    this.engine = engine;
    this.store = store;
    this.recorder = recorder;
    this.metrics = metrics;
    this.tracing = tracing;
    this.circuit = circuit;
  }

  /**
   * Drives the saga while it has a step due; returns another saga claimed when this one stopped, if
   * any.
   */
  Optional<Claimed> drive(Claimant claimant, Claimed claimed, BooleanSupplier stopping) {
    MDC.put("sagaId", claimed.work().sagaId().toString());
    MDC.put("clientId", claimed.work().clientId());
    Claimed current = claimed;
    try {
      while (true) {
        Work work = current.work();
        boolean tooLate = tooLateToStart(work, claimant.lease());
        if (tooLate) {
          // Waited too long for a thread: another instance could take the saga over while the step
          // runs.
          LOG.warnf(
              "%s %s not started: the lease runs out at %s",
              work.phase(), work.step(), work.startBy());
        }
        if (tooLate || stopping.getAsBoolean() || !circuit.allowsWork()) {
          // the step has not started: its saga is free for another instance at once
          release(claimant, work);
          return Optional.empty();
        }
        Optional<SagaRecorder.Recorded> recorded = runAndRecord(claimant, current, stopping);
        if (recorded.isEmpty() || recorded.get().next().isEmpty()) {
          return recorded.flatMap(SagaRecorder.Recorded::another);
        }
        current = recorded.get().next().get();
      }
    } finally {
      MDC.remove("sagaId");
      MDC.remove("clientId");
    }
  }

  /** A step needs a margin of its lease to run and record its outcome: a third of it. */
  static boolean tooLateToStart(Work work, Duration lease) {
    return work.startBy() != null
        && Instant.now().isAfter(work.startBy().minus(lease.dividedBy(3)));
  }

  /**
   * Runs the step, and the steps declared to run with it, and records their outcomes in one commit;
   * empty when they could not be recorded.
   */
  private Optional<SagaRecorder.Recorded> runAndRecord(
      Claimant claimant, Claimed claimed, BooleanSupplier stopping) {
    Work work = claimed.work();
    // the saga's data changes only when an outcome is recorded: the steps work on a copy
    SagaData data = claimed.saga().data().copy();
    List<StepRun> runs = new ArrayList<>();
    Optional<Work> next = Optional.of(work);
    while (next.isPresent()) {
      Work step = next.get();
      long started = System.nanoTime();
      StepOutcome outcome = pausedWhileNinjaOneIsDown(run(step, claimed, data));
      metrics.stepRan(step, outcome, System.nanoTime() - started);
      if (LOG.isDebugEnabled()) {
        LOG.debugf("%s %s attempt %d: %s", step.phase(), step.step(), step.attempt(), outcome);
      }
      StepRun ran = new StepRun(step, outcome);
      runs.add(ran);
      next =
          engine
              .runsWith(claimed.saga(), ran)
              .filter(
                  w ->
                      !stopping.getAsBoolean()
                          && circuit.allowsWork()
                          && !tooLateToStart(w, claimant.lease()));
    }
    try {
      boolean claimAnother = !stopping.getAsBoolean() && circuit.allowsWork();
      SagaRecorder.Recorded recorded = recorder.record(claimant, claimed, runs, data, claimAnother);
      return Optional.of(recorded);
    } catch (LeaseLostException e) {
      LOG.warn(e.getMessage());
    } catch (RuntimeException e) {
      recordFailed(claimant, work, e);
    }
    return Optional.empty();
  }

  /**
   * A transient failure while (or because) the circuit opened is NinjaOne's outage, not the saga's:
   * no retry spent.
   */
  private StepOutcome pausedWhileNinjaOneIsDown(StepOutcome outcome) {
    if (outcome instanceof StepOutcome.RetryLater r && !circuit.allowsWork()) {
      return new StepOutcome.Paused(r.error(), circuit.resumeAt());
    }
    return outcome;
  }

  private StepOutcome run(Work work, Claimed claimed, SagaData data) {
    try (StepTracing.StepSpan span = tracing.start(claimed.traceparent(), work)) {
      return engine.run(work, claimed.saga(), data);
    } catch (RuntimeException e) {
      LOG.warnf(e, "step %s failed unexpectedly", work.step());
      return new StepOutcome.RetryLater("unexpected error: " + e, null);
    }
  }

  /**
   * A transient failure (database gone?) keeps the lease: it expires and the step runs again,
   * safely. A permanent one would fail the same way every time, calling NinjaOne each time: it is
   * counted, and halts the saga.
   */
  private void recordFailed(Claimant claimant, Work work, RuntimeException e) {
    boolean permanent = RecordFailureClassifier.isPermanent(e);
    metrics.recordFailed(work, permanent);
    if (!permanent) {
      LOG.warnf(
          "could not record the outcome, the step will run again after the lease expires: %s",
          e.toString());
      return;
    }
    String reason =
        work.phase()
            + " "
            + work.step()
            + ": the outcome could not be recorded: "
            + RecordFailureClassifier.reason(e);
    try {
      RecordFailures failures =
          store.countRecordFailure(claimant.owner(), work, reason, HALT_AFTER_RECORD_FAILURES);
      if (failures == null) {
        LOG.warnf(
            "could not record the outcome, and the lease on saga %s was lost meanwhile: %s",
            work.sagaId(), reason);
      } else if (failures.halted()) {
        LOG.errorf(
            "saga %s halted: its outcome could not be recorded %d times in a row; no step runs until an"
                + " operator retries it. %s",
            work.sagaId(), failures.count(), reason);
      } else {
        LOG.warnf(
            "saga %s: %s (%d of %d before the saga is halted)",
            work.sagaId(), reason, failures.count(), HALT_AFTER_RECORD_FAILURES);
      }
    } catch (RuntimeException countFailed) {
      LOG.warnf(
          "could not count the failed record of saga %s (%s): %s",
          work.sagaId(), reason, countFailed.toString());
    }
  }

  private void release(Claimant claimant, Work work) {
    try {
      store.release(claimant.owner(), work);
    } catch (RuntimeException e) {
      LOG.debugf(
          "lease on saga %s not released, it expires by itself: %s", work.sagaId(), e.getMessage());
    }
  }
}
