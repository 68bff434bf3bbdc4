package org.msp.onboarding.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.msp.onboarding.saga.SagaData;
import org.msp.onboarding.saga.SagaEngine;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.Work;

/**
 * The runner's transactions. Each is short and never spans a NinjaOne call: claim (lease + first step), then
 * one per outcome, which also plans the next step so that a saga costs one commit per step.
 */
@ApplicationScoped
public class SagaStore {
  private final EntityManager em;
  private final SagaEngine engine;
  private final SagaJson json;
  private final SagaProjections projections;

  public SagaStore(EntityManager em, SagaEngine engine, SagaJson json, SagaProjections projections) {
    this.em = em;
    this.engine = engine;
    this.json = json;
    this.projections = projections;
  }

  /** Leases up to {@code limit} due sagas; SKIP LOCKED lets several instances claim side by side. */
  @Transactional
  public List<Claimed> claimDue(String owner, int limit, Duration lease) {
    return claim(owner, limit, lease);
  }

  private List<Claimed> claim(String owner, int limit, Duration lease) {
    Instant leaseEnd = Instant.now().plus(lease); // read before the claim: never later than the lease in the row
    List<UUID> ids = leaseDue(owner, limit, lease);
    List<Claimed> claimed = new ArrayList<>();
    Instant now = Instant.now();
    for (UUID id : ids) {
      SagaEntity saga = em.find(SagaEntity.class, id);
      Optional<Work> work = engine.plan(saga, now);
      projections.publishRaised(saga, now);
      if (work.isPresent()) {
        claimed.add(new Claimed(work.get().withStartBy(leaseEnd), json.request(saga), json.data(saga), saga.traceparent));
      } else {
        saga.releaseLease();
      }
    }
    return claimed;
  }

  /**
   * Plain JDBC: through Hibernate this native query added an entry to its query-plan cache on every call (the
   * keys never matched), and looking up in that ever-longer chain was the runner's hottest code.
   */
  private List<UUID> leaseDue(String owner, int limit, Duration lease) {
    return em.unwrap(Session.class).doReturningWork(connection -> {
      try (PreparedStatement claim = connection.prepareStatement(CLAIM_DUE)) {
        claim.setString(1, owner);
        claim.setDouble(2, lease.toSeconds());
        claim.setInt(3, limit);
        List<UUID> ids = new ArrayList<>();
        try (ResultSet rows = claim.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getObject(1, UUID.class));
          }
        }
        return ids;
      }
    });
  }

  private static final String CLAIM_DUE =
      "UPDATE saga SET lease_owner = ?, lease_until = now() + make_interval(secs => ?) WHERE id IN ("
          + " SELECT id FROM saga WHERE status IN ('RUNNING', 'COMPENSATING') AND next_attempt_at <= now()"
          + " AND (lease_until IS NULL OR lease_until < now())"
          + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id";

  /** What a worker does next: the same saga's next step, or another saga claimed in the same commit. */
  public record Recorded(Optional<Work> next, Optional<Claimed> another) {}

  /**
   * Records one outcome and plans what comes next. The row lock orders us with operator actions; the lease
   * check drops the outcome of a worker that was presumed dead.
   */
  @Transactional
  public Recorded record(
      String owner, Work work, StepOutcome outcome, SagaData data, Duration lease, boolean claimAnother) {
    SagaEntity saga = em.find(SagaEntity.class, work.sagaId(), LockModeType.PESSIMISTIC_WRITE);
    if (!saga.isLeasedBy(owner)) {
      throw new LeaseLostException(work.sagaId());
    }
    Instant now = Instant.now();
    saga.data = json.write(data);
    saga.organizationId = data.organizationId;
    engine.apply(saga, work, outcome, now);
    projections.afterOutcome(saga, work, outcome, data, now);
    Optional<Work> next = engine.plan(saga, now);
    projections.publishRaised(saga, now);
    if (next.isPresent()) {
      saga.acquireLease(owner, now.plus(lease));
      return new Recorded(Optional.of(next.get().withStartBy(now.plus(lease))), Optional.empty());
    }
    saga.releaseLease();
    // The worker would go idle: it takes the next due saga in this same commit rather than in a claim of its own.
    Optional<Claimed> another =
        claimAnother ? claim(owner, 1, lease).stream().findFirst() : Optional.empty();
    return new Recorded(Optional.empty(), another);
  }

  /** Keeps the leases of the sagas this instance is driving right now, and only those. */
  @Transactional
  public void renewLeases(String owner, Collection<UUID> driving, Duration lease) {
    if (driving.isEmpty()) {
      return;
    }
    em.createNativeQuery(
            "UPDATE saga SET lease_until = now() + make_interval(secs => ?1) WHERE lease_owner = ?2 AND id = ANY(?3)")
        .setParameter(1, (double) lease.toSeconds())
        .setParameter(2, owner)
        .setParameter(3, driving.toArray(new UUID[0]))
        .executeUpdate();
  }

  /** On shutdown: whatever this instance still holds is free for another at once. */
  @Transactional
  public int releaseAll(String owner) {
    return em.createNativeQuery("UPDATE saga SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?1")
        .setParameter(1, owner)
        .executeUpdate();
  }
}
