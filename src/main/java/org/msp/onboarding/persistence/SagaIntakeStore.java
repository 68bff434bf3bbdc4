package org.msp.onboarding.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
 * The intake's own statements are plain JDBC on the transaction's connection, like the runner's: an
 * intake transaction opens no Hibernate session.
 */
@ApplicationScoped
public class SagaIntakeStore {
  private static final String SEEN =
      "SELECT event_id FROM processed_event WHERE event_id = ANY (?)"
          + " UNION ALL SELECT event_id FROM queued_request WHERE event_id = ANY (?)";

  private static final String SAGAS_OF_CLIENTS =
      "SELECT client_id, status, id, saga_type, organization_id, organization_name, request"
          + " FROM saga WHERE client_id = ANY (?)"
          + " AND status IN ('RUNNING', 'COMPENSATING', 'COMPLETED') ORDER BY seq";

  private static final String CLIENTS_QUEUED =
      "SELECT DISTINCT client_id FROM queued_request WHERE client_id = ANY (?)";

  private final EntityManager em;
  private final TransactionConnection connection;
  private final SagaRows rows;
  private final SagaEventRows eventRows;
  private final PendingRows pending;
  private final SagaJson json;

  public SagaIntakeStore(
      EntityManager em,
      TransactionConnection connection,
      SagaRows rows,
      SagaEventRows eventRows,
      PendingRows pending,
      SagaJson json) {
    this.em = em;
    this.connection = connection;
    this.rows = rows;
    this.eventRows = eventRows;
    this.pending = pending;
    this.json = json;
  }

  /** The event ids among these that were accepted (or queued) before; one round trip. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<String> processedEvents(Collection<String> eventIds) {
    return connection.run(
        c -> {
          try (PreparedStatement query = c.prepareStatement(SEEN)) {
            Array ids = c.createArrayOf("varchar", eventIds.toArray());
            query.setArray(1, ids);
            query.setArray(2, ids);
            return firstColumn(query, new HashSet<>());
          }
        });
  }

  /**
   * Where each of these clients stands (two queries whatever the batch's size); a client absent
   * from the map has no saga and no queued request.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<String, ClientStanding> standings(Collection<String> clientIds) {
    Map<String, ClientStanding> standings = new HashMap<>();
    Map<String, Admission.Completed> newestCompleted = new HashMap<>();
    List<String> queued = new ArrayList<>();
    connection.run(
        c -> {
          Array ids = c.createArrayOf("varchar", new HashSet<>(clientIds).toArray());
          try (PreparedStatement query = c.prepareStatement(SAGAS_OF_CLIENTS)) {
            query.setArray(1, ids);
            try (ResultSet row = query.executeQuery()) {
              while (row.next()) {
                String clientId = row.getString(1);
                if (SagaStatus.valueOf(row.getString(2)).isActive()) {
                  standings.put(clientId, ClientStanding.NEW.busyNow());
                } else { // ordered by seq: the last one read wins
                  newestCompleted.put(clientId, completed(row));
                }
              }
            }
          }
          try (PreparedStatement query = c.prepareStatement(CLIENTS_QUEUED)) {
            query.setArray(1, ids);
            return firstColumn(query, queued);
          }
        });
    newestCompleted.forEach(
        (clientId, completed) -> {
          boolean busy = standings.getOrDefault(clientId, ClientStanding.NEW).busy();
          standings.put(clientId, new ClientStanding(busy, completed));
        });
    for (String clientId : queued) {
      standings.put(clientId, standings.getOrDefault(clientId, ClientStanding.NEW).busyNow());
    }
    return standings;
  }

  /** Runs the query and adds its first column's values to {@code into}. */
  private static <C extends Collection<String>> C firstColumn(PreparedStatement query, C into)
      throws SQLException {
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        into.add(row.getString(1));
      }
    }
    return into;
  }

  private Admission.Completed completed(ResultSet row) throws SQLException {
    ClientRequest request = json.read(row.getString(7), ClientRequest.class);
    List<String> tags =
        request.organization() == null ? null : request.organization().tagsOrEmpty();
    long organizationId = row.getLong(5);
    return new Admission.Completed(
        row.getObject(3, UUID.class),
        row.getString(4),
        row.wasNull() ? null : organizationId,
        row.getString(6),
        tags);
  }

  /**
   * Where a request was read from its topic; a refusal when its turn comes names that record, as a
   * refusal on arrival does.
   */
  public record Origin(int partition, long offset) {}

  /** A request that waits for its client's earlier saga; its event counts as seen. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void queue(ClientRequest request, String traceparent, Origin origin, Instant now) {
    em.createNativeQuery(
            "insert into queued_request (event_id, client_id, request_type, request, traceparent,"
                + " queued_at, origin_partition, origin_offset)"
                + " values (?1, ?2, ?3, cast(?4 as jsonb), ?5, ?6, ?7, ?8)")
        .setParameter(1, request.eventId())
        .setParameter(2, request.clientId())
        .setParameter(3, request.requestType().wireName())
        .setParameter(4, json.write(request))
        .setParameter(5, traceparent)
        .setParameter(6, now)
        .setParameter(7, origin.partition())
        .setParameter(8, origin.offset())
        .executeUpdate();
  }

  /** A queued request whose turn has come; {@code origin} null for one queued before V32. */
  public record Queued(long seq, ClientRequest request, String traceparent, Origin origin) {}

  /**
   * The oldest queued request of each client that has no saga running or rolling back, locked
   * (another instance skips them); each is taken off the queue with {@link #dequeue}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public List<Queued> due(int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select q.seq, cast(q.request as text), q.traceparent, q.origin_partition,"
                    + " q.origin_offset from queued_request q"
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
                    (String) r[2],
                    r[3] == null
                        ? null
                        : new Origin(((Number) r[3]).intValue(), ((Number) r[4]).longValue())))
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

  /**
   * A saga just started, its event marked processed: its rows, and its first events', are sent by
   * {@link #flush()} or with the commit.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void insert(Saga saga, String traceparent, Instant now) {
    pending.add(rows.newSaga(saga, traceparent));
    pending.add(new PendingRows.Processed(saga.snapshot().eventId(), saga.id(), now));
    eventRows.collect(saga, now);
  }

  /**
   * Sends the new sagas now, so a constraint refuses the batch inside the caller's retry, and what
   * is read next sees them. Their status events wait for the commit.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void flush() {
    pending.flushSagas();
  }
}
