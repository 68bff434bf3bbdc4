package org.msp.onboarding.runner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.msp.onboarding.persistence.Claimant;
import org.msp.onboarding.persistence.SagaStore;
import org.msp.onboarding.saga.Saga;
import org.msp.onboarding.saga.SagaData;
import org.msp.onboarding.saga.SagaEngine;
import org.msp.onboarding.saga.StepRun;
import org.msp.onboarding.saga.Work;

/**
 * The runner's transactions. Each is short and never spans a NinjaOne call: a claim (lease and
 * first step), then one per outcome, which also plans the next step so that a step costs one
 * commit. The worker keeps the saga it holds between them: an outcome is written without reading
 * the row, unless an operator changed it meanwhile.
 */
@ApplicationScoped
public class SagaRecorder {
  private final SagaStore store;
  private final SagaEngine engine;

  public SagaRecorder(SagaStore store, SagaEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  /** Leases up to {@code limit} due sagas, each with its first due step. */
  @Transactional
  public List<Claimed> claimDue(Claimant claimant, int limit) {
    return claim(claimant, limit);
  }

  private List<Claimed> claim(Claimant claimant, int limit) {
    // read before the claim: never later than the row's
    Instant leaseEnd = Instant.now().plus(claimant.lease());
    List<SagaStore.Held> held = store.claimDue(claimant, limit);
    Instant now = Instant.now();
    List<Claimed> claimed = new ArrayList<>(held.size());
    for (SagaStore.Held h : held) {
      Saga saga = h.saga();
      Optional<Work> work = engine.plan(saga, now);
      if (!store.write(saga, claimant.owner(), h.epoch(), work.isPresent() ? leaseEnd : null)) {
        throw new IllegalStateException("saga " + saga.id() + " changed under its claim");
      }
      store.writeEvents(saga, now);
      work.ifPresent(
          w -> claimed.add(new Claimed(saga, w.leased(leaseEnd, h.epoch()), h.traceparent())));
    }
    return claimed;
  }

  /**
   * What a worker does next: the same saga's next step, or another saga claimed in the same commit.
   */
  public record Recorded(Optional<Claimed> next, Optional<Claimed> another) {}

  /**
   * Records one outcome and plans what comes next. The write is conditional on the saga's revision
   * and the worker's lease (owner and epoch); when either changed, the row is read again under its
   * lock: an operator's action is then applied first, and a worker presumed dead, or whose claim
   * was superseded, records nothing ({@link org.msp.onboarding.persistence.LeaseLostException}).
   */
  @Transactional
  public Recorded record(
      Claimant claimant, Claimed current, List<StepRun> runs, SagaData data, boolean claimAnother) {
    Work work = current.work();
    Instant now = Instant.now();
    Instant leaseEnd = now.plus(claimant.lease());
    Saga saga = current.saga();
    Optional<Work> next = engine.applyAll(saga, runs, data, now);
    if (!store.write(
        saga, claimant.owner(), work.leaseEpoch(), next.isPresent() ? leaseEnd : null)) {
      saga = store.lockedForWorker(work.sagaId(), claimant.owner(), work.leaseEpoch());
      next = engine.applyAll(saga, runs, data, now);
      if (!store.write(
          saga, claimant.owner(), work.leaseEpoch(), next.isPresent() ? leaseEnd : null)) {
        throw new IllegalStateException("saga " + saga.id() + " changed under its row lock");
      }
    }
    store.writeEvents(saga, runs, now);
    if (next.isPresent()) {
      Claimed same =
          new Claimed(saga, next.get().leased(leaseEnd, work.leaseEpoch()), current.traceparent());
      return new Recorded(Optional.of(same), Optional.empty());
    }
    // The worker would go idle: it takes the next due saga in this same commit rather than in a
    // claim of its own.
    Optional<Claimed> another =
        claimAnother ? claim(claimant, 1).stream().findFirst() : Optional.empty();
    return new Recorded(Optional.empty(), another);
  }
}
