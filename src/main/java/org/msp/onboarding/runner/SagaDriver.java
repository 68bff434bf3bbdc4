package org.msp.onboarding.runner;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.msp.onboarding.persistence.Claimed;
import org.msp.onboarding.persistence.LeaseLostException;
import org.msp.onboarding.persistence.SagaStore;
import org.msp.onboarding.saga.SagaData;
import org.msp.onboarding.saga.SagaEngine;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.Work;

/** Drives one claimed saga: run a step outside any transaction, record its outcome, go on while it is due. */
@ApplicationScoped
public class SagaDriver {
  private static final Logger LOG = Logger.getLogger(SagaDriver.class);

  private final SagaEngine engine;
  private final SagaStore store;
  private final SagaMetrics metrics;
  private final StepTracing tracing;

  public SagaDriver(SagaEngine engine, SagaStore store, SagaMetrics metrics, StepTracing tracing) {
    this.engine = engine;
    this.store = store;
    this.metrics = metrics;
    this.tracing = tracing;
  }

  /** Drives the saga while it has a step due; returns another saga claimed when this one stopped, if any. */
  Optional<Claimed> drive(String owner, Claimed claimed, Duration lease, BooleanSupplier stopping) {
    MDC.put("sagaId", claimed.work().sagaId().toString());
    MDC.put("clientId", claimed.work().clientId());
    SagaData data = claimed.data();
    Optional<Work> next = Optional.of(claimed.work());
    try {
      while (next.isPresent() && !stopping.getAsBoolean()) {
        Work work = next.get();
        if (tooLateToStart(work, lease)) {
          // Waited too long for a thread: another instance may take the saga over at any moment. Not starting
          // the step keeps a step from running in two processes at once; the lease expires and it is claimed again.
          LOG.warnf("%s %s not started: the lease runs out at %s", work.phase(), work.step(), work.startBy());
          break;
        }
        long started = System.nanoTime();
        StepOutcome outcome = run(work, claimed, data);
        metrics.stepRan(work, outcome, System.nanoTime() - started);
        SagaStore.Recorded recorded = store.record(owner, work, outcome, data, lease, !stopping.getAsBoolean());
        LOG.debugf("%s %s attempt %d: %s", work.phase(), work.step(), work.attempt(), outcome);
        next = recorded.next();
        if (recorded.another().isPresent()) {
          return recorded.another();
        }
      }
    } catch (LeaseLostException e) {
      LOG.warn(e.getMessage());
    } catch (RuntimeException e) {
      // The outcome could not be recorded (database gone?): the lease expires and the step runs again, safely.
      LOG.warnf("could not record the outcome, the step will run again after the lease expires: %s", e.toString());
    } finally {
      MDC.remove("sagaId");
      MDC.remove("clientId");
    }
    return Optional.empty();
  }

  /** A step needs a margin of its lease to run and record its outcome: a third of it. */
  static boolean tooLateToStart(Work work, Duration lease) {
    return work.startBy() != null && Instant.now().isAfter(work.startBy().minus(lease.dividedBy(3)));
  }

  private StepOutcome run(Work work, Claimed claimed, SagaData data) {
    try (StepTracing.StepSpan span = tracing.start(claimed.traceparent(), work)) {
      return engine.run(work, claimed.request(), data);
    } catch (RuntimeException e) {
      LOG.warnf(e, "step %s failed unexpectedly", work.step());
      return new StepOutcome.RetryLater("unexpected error: " + e, null);
    }
  }
}
