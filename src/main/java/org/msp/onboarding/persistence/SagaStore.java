package org.msp.onboarding.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.msp.onboarding.saga.SagaData;
import org.msp.onboarding.saga.SagaEngine;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.Work;

/**
 * The runner's transactions. Each is short and never spans a NinjaOne call: claim (lease + first
 * step), then one per outcome, which also plans the next step so that a saga costs one commit per
 * step.
 */
@ApplicationScoped
public class SagaStore {
  private final EntityManager em;
  private final SagaEngine engine;
  private final SagaJson json;
  private final SagaProjections projections;

  public SagaStore(
      EntityManager em, SagaEngine engine, SagaJson json, SagaProjections projections) {
    this.em = em;
    this.engine = engine;
    this.json = json;
    this.projections = projections;
  }

  /** Leases up to {@code limit} due sagas, each with its first due step. */
  @Transactional
  public List<Claimed> claimDue(Claimant claimant, int limit) {
    return claim(claimant, limit);
  }

  private List<Claimed> claim(Claimant claimant, int limit) {
    Instant leaseEnd =
        Instant.now().plus(claimant.lease()); // read before the claim: never later than the row's
    List<LeaseStatements.Lease> leases =
        jdbc(
            c ->
                LeaseStatements.claimDue(
                    c, claimant.owner(), limit, claimant.lease(), claimant.busy()));
    List<Claimed> claimed = new ArrayList<>();
    Instant now = Instant.now();
    for (LeaseStatements.Lease lease : leases) {
      SagaEntity saga = em.find(SagaEntity.class, lease.sagaId());
      Optional<Work> work = engine.plan(saga, now);
      projections.publishRaised(saga, now);
      if (work.isPresent()) {
        Work leased = work.get().leased(leaseEnd, lease.epoch());
        claimed.add(new Claimed(leased, json.request(saga), json.data(saga), saga.traceparent));
      } else {
        saga.releaseLease();
      }
    }
    return claimed;
  }

  /**
   * What a worker does next: the same saga's next step, or another saga claimed in the same commit.
   */
  public record Recorded(Optional<Work> next, Optional<Claimed> another) {}

  /**
   * Records one outcome and plans what comes next. The row lock orders us with operator actions;
   * the lease check (owner and epoch) drops the outcome of a worker that was presumed dead, or
   * whose claim was superseded.
   */
  @Transactional
  public Recorded record(
      Claimant claimant, Work work, StepOutcome outcome, SagaData data, boolean claimAnother) {
    SagaEntity saga = em.find(SagaEntity.class, work.sagaId(), LockModeType.PESSIMISTIC_WRITE);
    if (!saga.isLeasedBy(claimant.owner(), work.leaseEpoch())) {
      throw new LeaseLostException(work.sagaId());
    }
    Instant now = Instant.now();
    saga.data = json.write(data);
    saga.organizationId = data.organizationId;
    saga.outcomeRecorded();
    engine.apply(saga, work, outcome, now);
    projections.afterOutcome(saga, work, outcome, data, now);
    Optional<Work> next = engine.plan(saga, now);
    projections.publishRaised(saga, now);
    Instant leaseEnd = now.plus(claimant.lease());
    if (next.isPresent()) {
      saga.acquireLease(claimant.owner(), leaseEnd);
      return new Recorded(
          Optional.of(next.get().leased(leaseEnd, work.leaseEpoch())), Optional.empty());
    }
    saga.releaseLease();
    // The worker would go idle: it takes the next due saga in this same commit rather than in a
    // claim of its own.
    Optional<Claimed> another =
        claimAnother ? claim(claimant, 1).stream().findFirst() : Optional.empty();
    return new Recorded(Optional.empty(), another);
  }

  /**
   * Keeps the leases of the sagas this instance is driving right now (id to epoch), and only those.
   */
  @Transactional
  public void renewLeases(String owner, Map<UUID, Long> driving, Duration lease) {
    if (!driving.isEmpty()) {
      jdbc(c -> LeaseStatements.renew(c, owner, driving, lease));
    }
  }

  /** Frees a lease whose step has ended, unless another claim has superseded it. */
  @Transactional
  public boolean release(String owner, Work work) {
    return jdbc(c -> LeaseStatements.release(c, owner, leaseOf(work)));
  }

  /**
   * On shutdown: frees every lease of this instance except where a step still runs (it keeps its
   * lease).
   */
  @Transactional
  public int releaseIdle(String owner, Collection<UUID> driving) {
    return jdbc(c -> LeaseStatements.releaseIdle(c, owner, driving));
  }

  /**
   * Counts an outcome that could not be recorded, in its own transaction, and frees the lease; the
   * {@code haltAt}-th in a row halts the saga. Null when the lease was no longer ours.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public RecordFailures countRecordFailure(String owner, Work work, String reason, int haltAt) {
    return jdbc(c -> LeaseStatements.countRecordFailure(c, owner, leaseOf(work), reason, haltAt));
  }

  private static LeaseStatements.Lease leaseOf(Work work) {
    return new LeaseStatements.Lease(work.sagaId(), work.leaseEpoch());
  }

  private <T> T jdbc(org.hibernate.jdbc.ReturningWork<T> work) {
    return em.unwrap(Session.class).doReturningWork(work);
  }
}
