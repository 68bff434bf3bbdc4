package org.msp.onboarding.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.msp.onboarding.saga.Saga;
import org.msp.onboarding.saga.SagaStatus;

/**
 * What the intake asks of storage, and the rows of a saga it starts; in the caller's transaction.
 */
@ApplicationScoped
public class SagaIntakeStore {
  private final EntityManager em;
  private final SagaRows rows;
  private final SagaEventRows eventRows;

  public SagaIntakeStore(EntityManager em, SagaRows rows, SagaEventRows eventRows) {
    this.em = em;
    this.rows = rows;
    this.eventRows = eventRows;
  }

  /** The event ids among these that were accepted before. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<String> processedEvents(Collection<String> eventIds) {
    return new HashSet<>(
        em.createQuery(
                "select p.eventId from ProcessedEventEntity p where p.eventId in :ids",
                String.class)
            .setParameter("ids", List.copyOf(eventIds))
            .getResultList());
  }

  /** A saga of a client that decides what becomes of a new request for it. */
  public record ClientSaga(String clientId, SagaStatus status, UUID sagaId, Long organizationId) {}

  /**
   * The sagas of these clients still running, rolling back or COMPLETED (one query whatever the
   * batch's size).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<ClientSaga> blockingSagas(Collection<String> clientIds) {
    List<SagaStatus> statuses =
        List.of(SagaStatus.RUNNING, SagaStatus.COMPENSATING, SagaStatus.COMPLETED);
    return em
        .createQuery(
            "select s.clientId, s.status, s.id, s.organizationId from SagaEntity s"
                + " where s.clientId in :ids and s.status in :statuses order by s.seq",
            Object[].class)
        .setParameter("ids", List.copyOf(clientIds))
        .setParameter("statuses", statuses)
        .getResultList()
        .stream()
        .map(
            row ->
                new ClientSaga((String) row[0], (SagaStatus) row[1], (UUID) row[2], (Long) row[3]))
        .toList();
  }

  /** Stores a saga just started, marks its event processed and writes its first events. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void insert(Saga saga, String traceparent, Instant now) {
    em.persist(rows.newRow(saga, traceparent));
    ProcessedEventEntity processed = new ProcessedEventEntity();
    processed.eventId = saga.snapshot().eventId();
    processed.sagaId = saga.id();
    processed.receivedAt = now;
    em.persist(processed);
    eventRows.write(saga, now);
  }

  /** Sends the batch's inserts now, so a constraint refuses the batch inside the caller's retry. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void flush() {
    em.flush();
  }
}
