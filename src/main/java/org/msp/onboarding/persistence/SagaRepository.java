package org.msp.onboarding.persistence;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.msp.onboarding.saga.Saga;
import org.msp.onboarding.saga.SagaStatus;

/** Sagas for the ops API and the console: reads, and operators' writes under the row lock. */
@ApplicationScoped
public class SagaRepository {
  private final EntityManager em;
  private final SagaRows rows;
  private final SagaEventRows eventRows;

  public SagaRepository(EntityManager em, SagaRows rows, SagaEventRows eventRows) {
    this.em = em;
    this.rows = rows;
    this.eventRows = eventRows;
  }

  /**
   * Which sagas a page lists. {@code stuckCutoff}: only unfinished sagas halted, or due and without
   * progress since then; {@code nameContains} matches part of the organization name, ignoring case.
   */
  public record Filter(
      SagaStatus status,
      String clientId,
      String nameContains,
      Instant stuckCutoff,
      Long beforeSeq) {}

  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<SagaRecord> find(UUID id) {
    SagaEntity row = em.find(SagaEntity.class, id);
    return Optional.ofNullable(row).map(rows::record);
  }

  /** Newest first, at most {@code limit}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<SagaRecord> search(Filter filter, int limit) {
    StringBuilder where = new StringBuilder("1 = 1");
    Parameters parameters = new Parameters();
    if (filter.status() != null) {
      where.append(" and status = :status");
      parameters.and("status", filter.status());
    }
    if (filter.clientId() != null) {
      where.append(" and clientId = :clientId");
      parameters.and("clientId", filter.clientId());
    }
    if (filter.nameContains() != null) {
      where.append(" and lower(organizationName) like :name escape '!'");
      String escaped = filter.nameContains().toLowerCase(Locale.ROOT).replaceAll("([!%_])", "!$1");
      parameters.and("name", "%" + escaped + "%");
    }
    if (filter.stuckCutoff() != null) {
      where.append(
          " and status in :active"
              + " and (haltedReason is not null or nextAttemptAt <= :now and updatedAt < :cutoff)");
      parameters
          .and("active", SagaStatus.activeStatuses())
          .and("now", Instant.now())
          .and("cutoff", filter.stuckCutoff());
    }
    if (filter.beforeSeq() != null) {
      where.append(" and seq < :before");
      parameters.and("before", filter.beforeSeq());
    }
    return SagaEntity.<SagaEntity>find(where + " order by seq desc", parameters)
        .page(0, limit)
        .list()
        .stream()
        .map(rows::record)
        .toList();
  }

  /** The saga with its row locked until commit, so an operator's action is ordered with workers. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Saga> locked(UUID id) {
    SagaEntity row = em.find(SagaEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      return Optional.empty();
    }
    Saga saga = rows.saga(row);
    // written back with a statement of its own: later reads in this transaction read the row again
    em.detach(row);
    return Optional.of(saga);
  }

  /** Writes an operator's change to a saga read with {@link #locked}; the lease stays as it is. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void save(Saga saga, Instant now) {
    Saga.Snapshot state = saga.snapshot();
    boolean written =
        em.unwrap(Session.class)
            .doReturningWork(
                c ->
                    SagaStatements.writeByOperator(
                        c, state, rows.dataJson(state), rows.stepsJson(state)));
    if (!written) {
      throw new IllegalStateException("saga " + saga.id() + " changed under its row lock");
    }
    saga.stored(state.version() + 1);
    eventRows.write(saga, now);
  }

  /** The client's sagas in these statuses, oldest first. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<UUID> sagasOfClient(String clientId, List<SagaStatus> statuses) {
    return em.createQuery(
            "select s.id from SagaEntity s where s.clientId = :client and s.status in :statuses"
                + " order by s.seq",
            UUID.class)
        .setParameter("client", clientId)
        .setParameter("statuses", statuses)
        .getResultList();
  }
}
