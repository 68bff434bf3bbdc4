package org.msp.onboarding.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  /** The clients among these with a saga still running or rolling back. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<String> busyClients(Collection<String> clientIds) {
    return new HashSet<>(
        em.createQuery(
                "select s.clientId from SagaEntity s where s.clientId in :ids and s.status in :active",
                String.class)
            .setParameter("ids", List.copyOf(clientIds))
            .setParameter("active", SagaStatus.activeStatuses())
            .getResultList());
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
