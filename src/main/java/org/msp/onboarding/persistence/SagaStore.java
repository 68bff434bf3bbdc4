package org.msp.onboarding.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.msp.onboarding.saga.Saga;
import org.msp.onboarding.saga.StepRun;
import org.msp.onboarding.saga.Work;

/**
 * The runner's storage: claims, the saga row's conditional write, the rows that follow from a
 * transition, and the lease statements. It decides nothing: the runner plans with the engine, in
 * the transaction it opens around these calls.
 */
@ApplicationScoped
public class SagaStore {
  private final EntityManager em;
  private final TransactionConnection connection;
  private final SagaRows rows;
  private final SagaEventRows eventRows;

  public SagaStore(
      EntityManager em, TransactionConnection connection, SagaRows rows, SagaEventRows eventRows) {
    this.em = em;
    this.connection = connection;
    this.rows = rows;
    this.eventRows = eventRows;
  }

  /** A saga this instance now holds the lease on, as read right after the claim. */
  public record Held(Saga saga, long epoch, String traceparent) {}

  /** Leases up to {@code limit} due sagas and reads them; in the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Held> claimDue(Claimant claimant, int limit) {
    return jdbc(
        c ->
            LeaseStatements.claimDue(
                c,
                claimant.owner(),
                limit,
                claimant.lease(),
                claimant.busy(),
                row ->
                    new Held(
                        Saga.restore(rows.snapshot(row)),
                        row.getLong("lease_epoch"),
                        row.getString("traceparent"))));
  }

  /**
   * Writes a worker's copy of the saga and frees or extends its lease ({@code leaseUntil} null
   * frees it). False, writing nothing, when the row changed since the copy was read (an operator
   * acted) or the lease is no longer this worker's: read it again with {@link #lockedForWorker}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean write(Saga saga, String owner, long epoch, Instant leaseUntil) {
    Saga.Snapshot state = saga.snapshot();
    boolean written =
        jdbc(
            c ->
                SagaStatements.writeByWorker(
                    c,
                    state,
                    rows.dataJson(state),
                    rows.stepsJson(state),
                    new SagaStatements.Lease(owner, epoch, leaseUntil)));
    if (written) {
      saga.stored(state.version() + 1);
    }
    return written;
  }

  /**
   * The saga as stored, its row locked until commit; throws {@link LeaseLostException} when the
   * lease is no longer this worker's.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Saga lockedForWorker(UUID sagaId, String owner, long epoch) {
    SagaEntity row = em.find(SagaEntity.class, sagaId, LockModeType.PESSIMISTIC_WRITE);
    if (row == null || !owner.equals(row.leaseOwner) || row.leaseEpoch != epoch) {
      throw new LeaseLostException(sagaId);
    }
    em.unwrap(Session.class).setReadOnly(row, true);
    return rows.saga(row);
  }

  /** The rows that follow from the saga's transitions since the last call (outbox, tasks). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void writeEvents(Saga saga, Instant now) {
    eventRows.write(saga, now);
  }

  /** The history rows of the runs just recorded, then the rows that follow from the transitions. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void writeEvents(Saga saga, List<StepRun> runs, Instant now) {
    eventRows.write(saga, runs, now);
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

  private <T> T jdbc(TransactionConnection.Work<T> work) {
    return connection.run(work);
  }
}
