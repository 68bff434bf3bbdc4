package org.msp.onboarding.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.msp.onboarding.saga.Admission;
import org.msp.onboarding.saga.Admission.ClientStanding;
import org.msp.onboarding.saga.Saga;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.saga.request.ClientRequest;

/**
 * What the intake asks of storage, and the rows of a saga it starts; in the caller's transaction.
 */
@ApplicationScoped
public class SagaIntakeStore {
  private final EntityManager em;
  private final SagaRows rows;
  private final SagaEventRows eventRows;

  private final SagaJson json;

  public SagaIntakeStore(EntityManager em, SagaRows rows, SagaEventRows eventRows, SagaJson json) {
    this.em = em;
    this.rows = rows;
    this.eventRows = eventRows;
    this.json = json;
  }

  /** The event ids among these that were accepted (or queued) before; one round trip. */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public Set<String> processedEvents(Collection<String> eventIds) {
    return new HashSet<>(
        em.createNativeQuery(
                "select event_id from processed_event where event_id in (:ids)"
                    + " union all select event_id from queued_request where event_id in (:ids)")
            .setParameter("ids", List.copyOf(eventIds))
            .getResultList());
  }

  /**
   * Where each of these clients stands (two queries whatever the batch's size); a client absent
   * from the map has no saga and no queued request.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public Map<String, ClientStanding> standings(Collection<String> clientIds) {
    List<String> ids = List.copyOf(new HashSet<>(clientIds));
    Map<String, ClientStanding> standings = new HashMap<>();
    List<Object[]> sagas =
        em.createQuery(
                "select s.clientId, s.status, s.id, s.sagaType, s.organizationId,"
                    + " s.organizationName, s.request from SagaEntity s"
                    + " where s.clientId in :ids and s.status in :statuses order by s.seq",
                Object[].class)
            .setParameter("ids", ids)
            .setParameter(
                "statuses",
                List.of(SagaStatus.RUNNING, SagaStatus.COMPENSATING, SagaStatus.COMPLETED))
            .getResultList();
    Map<String, Object[]> newestCompleted = new HashMap<>();
    for (Object[] row : sagas) {
      if (((SagaStatus) row[1]).isActive()) {
        standings.put((String) row[0], ClientStanding.NEW.busyNow());
      } else {
        newestCompleted.put((String) row[0], row); // ordered by seq: the last one seen wins
      }
    }
    newestCompleted.forEach(
        (clientId, row) -> {
          ClientRequest request = json.read((String) row[6], ClientRequest.class);
          List<String> tags =
              request.organization() == null ? null : request.organization().tagsOrEmpty();
          Admission.Completed completed =
              new Admission.Completed(
                  (UUID) row[2], (String) row[3], (Long) row[4], (String) row[5], tags);
          boolean busy = standings.getOrDefault(clientId, ClientStanding.NEW).busy();
          standings.put(clientId, new ClientStanding(busy, completed));
        });
    for (String clientId :
        (List<String>)
            em.createNativeQuery(
                    "select distinct client_id from queued_request where client_id in (:ids)")
                .setParameter("ids", ids)
                .getResultList()) {
      standings.put(clientId, standings.getOrDefault(clientId, ClientStanding.NEW).busyNow());
    }
    return standings;
  }

  /** A request that waits for its client's earlier saga; its event counts as seen. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void queue(ClientRequest request, String traceparent, Instant now) {
    em.createNativeQuery(
            "insert into queued_request (event_id, client_id, request_type, request, traceparent,"
                + " queued_at) values (?1, ?2, ?3, cast(?4 as jsonb), ?5, ?6)")
        .setParameter(1, request.eventId())
        .setParameter(2, request.clientId())
        .setParameter(3, request.requestType().wireName())
        .setParameter(4, json.write(request))
        .setParameter(5, traceparent)
        .setParameter(6, now)
        .executeUpdate();
  }

  /** A queued request whose turn has come. */
  public record Queued(long seq, ClientRequest request, String traceparent) {}

  /**
   * The oldest queued request of each client that has no saga running or rolling back, locked
   * (another instance skips them); each is taken off the queue with {@link #dequeue}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public List<Queued> due(int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select q.seq, cast(q.request as text), q.traceparent from queued_request q"
                    + " where not exists (select 1 from queued_request e"
                    + "   where e.client_id = q.client_id and e.seq < q.seq)"
                    + " and not exists (select 1 from saga s where s.client_id = q.client_id"
                    + "   and s.status in ('RUNNING', 'COMPENSATING'))"
                    + " order by q.seq limit ?1 for update skip locked")
            .setParameter(1, limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Queued(
                    ((Number) r[0]).longValue(),
                    json.read((String) r[1], ClientRequest.class),
                    (String) r[2]))
        .toList();
  }

  /** A request waiting for its client's earlier saga, as operators see it. */
  public record Waiting(String eventId, String clientId, String type, Instant queuedAt) {}

  /** The waiting requests, oldest first (the order they will run in), of one client or all. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Waiting> waiting(String clientId, int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select event_id, client_id, request_type, queued_at from queued_request"
                    + " where (cast(?1 as varchar) is null or client_id = ?1) order by seq limit ?2")
            .setParameter(1, clientId)
            .setParameter(2, limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Waiting(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    r[3] instanceof java.sql.Timestamp t
                        ? t.toInstant()
                        : r[3] instanceof java.time.OffsetDateTime o
                            ? o.toInstant()
                            : (Instant) r[3]))
        .toList();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void dequeue(long seq) {
    em.createNativeQuery("delete from queued_request where seq = ?1")
        .setParameter(1, seq)
        .executeUpdate();
  }

  /** Stores a saga just started, marks its event processed; its first events go with the commit. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void insert(Saga saga, String traceparent, Instant now) {
    em.persist(rows.newRow(saga, traceparent));
    ProcessedEventEntity processed = new ProcessedEventEntity();
    processed.eventId = saga.snapshot().eventId();
    processed.sagaId = saga.id();
    processed.receivedAt = now;
    em.persist(processed);
    eventRows.collect(saga, now);
  }

  /** Sends the batch's inserts now, so a constraint refuses the batch inside the caller's retry. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void flush() {
    em.flush();
  }
}
