package org.msp.onboarding.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rows one transaction adds (new sagas with their processed events, step history, deployment
 * tasks, status events), sent as one JDBC batch per table (the driver rewrites each into multi-row
 * INSERTs) rather than as persisted entities: nothing reads them back in the same transaction, so
 * Hibernate's persistence context and flush would be pure cost on the hot path. {@link #flush()}
 * sends them on the transaction's own connection; whatever is still pending when the transaction
 * commits is sent then, so no row is ever left behind.
 */
@TransactionScoped
public class PendingRows {
  private static final String OUTBOX =
      "INSERT INTO outbox_event (id, saga_id, client_id, type, payload, created_at)"
          + " VALUES (?, ?, ?, ?, ?::json, ?)";

  // id: the column's default (step_attempt_id_seq, 50 apart since V4, so never inside a block
  // that StepAttemptEntity's pooled generator took)
  private static final String ATTEMPT =
      "INSERT INTO step_attempt (saga_id, step_name, phase, attempt, outcome, error, recorded_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";

  private static final String TASK =
      "INSERT INTO agent_deployment_task (id, saga_id, organization_id, location_id, location_name,"
          + " installer_type, node_role_id, installer_url, status, created_at, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String PROCESSED =
      "INSERT INTO processed_event (event_id, saga_id, received_at) VALUES (?, ?, ?)";

  /** A request's event, accepted: its redelivery is a no-op. */
  record Processed(String eventId, UUID sagaId, Instant at) {}

  /** A status event for the relay. */
  record Outbox(UUID id, UUID sagaId, String clientId, String type, String payload, Instant at) {}

  /** One run of a step or of its compensation. */
  record Attempt(
      UUID sagaId,
      String stepName,
      String phase,
      int attempt,
      String outcome,
      String error,
      Instant at) {}

  /** An agent to install, as recorded (status PENDING). */
  record Task(
      UUID id,
      UUID sagaId,
      long organizationId,
      long locationId,
      String locationName,
      String installerType,
      Long nodeRoleId,
      String installerUrl,
      Instant at) {}

  private final TransactionConnection connection;
  private final TransactionSynchronizationRegistry transaction;
  private final List<SagaStatements.NewSaga> sagas = new ArrayList<>();
  private final List<Processed> processed = new ArrayList<>();
  private final List<Task> tasks = new ArrayList<>();
  private final List<Attempt> attempts = new ArrayList<>();
  private final List<Outbox> outbox = new ArrayList<>();

  public PendingRows(
      TransactionConnection connection, TransactionSynchronizationRegistry transaction) {
    this.connection = connection;
    this.transaction = transaction;
  }

  /**
   * Sends what is still pending when the transaction commits. Quarkus runs this before Hibernate's
   * own flush (interposed synchronizations go in groups: others, Hibernate, Agroal), so no row here
   * may refer to a saga persisted as an entity in the same transaction and not yet flushed; none
   * does, as new sagas are inserted here too, first.
   */
  @PostConstruct
  void sendBeforeCommit() {
    transaction.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            flush();
          }

          @Override
          public void afterCompletion(int status) {}
        });
  }

  void add(SagaStatements.NewSaga saga) {
    sagas.add(saga);
  }

  void add(Processed event) {
    processed.add(event);
  }

  void add(Task task) {
    tasks.add(task);
  }

  void add(Attempt attempt) {
    attempts.add(attempt);
  }

  void add(Outbox event) {
    outbox.add(event);
  }

  /**
   * Sends the pending rows now: new sagas first, as the other rows may refer to them; tasks before
   * the rest, as a later statement may update them.
   */
  void flush() {
    if (!sagas.isEmpty()
        || !processed.isEmpty()
        || !tasks.isEmpty()
        || !attempts.isEmpty()
        || !outbox.isEmpty()) {
      connection.run(this::send);
    }
  }

  /**
   * Sends the new sagas and their processed events now; the rest waits for {@link #flush()} or the
   * commit.
   */
  void flushSagas() {
    if (!sagas.isEmpty() || !processed.isEmpty()) {
      connection.run(this::sendSagas);
    }
  }

  private Void sendSagas(Connection c) throws SQLException {
    insertAll(c, SagaStatements.INSERT, sagas, SagaStatements::bindNew);
    insertAll(c, PROCESSED, processed, PendingRows::bind);
    return null;
  }

  private Void send(Connection c) throws SQLException {
    sendSagas(c);
    insertAll(c, TASK, tasks, PendingRows::bind);
    insertAll(c, ATTEMPT, attempts, PendingRows::bind);
    insertAll(c, OUTBOX, outbox, PendingRows::bind);
    return null;
  }

  /** How one row fills the statement's parameters. */
  @FunctionalInterface
  private interface Binder<T> {
    void bind(PreparedStatement insert, T row) throws SQLException;
  }

  private static <T> void insertAll(Connection c, String sql, List<T> rows, Binder<T> binder)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = c.prepareStatement(sql)) {
      for (T row : rows) {
        binder.bind(insert, row);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    rows.clear();
  }

  private static void bind(PreparedStatement insert, Processed p) throws SQLException {
    insert.setString(1, p.eventId());
    insert.setObject(2, p.sagaId());
    SagaStatements.setInstant(insert, 3, p.at());
  }

  private static void bind(PreparedStatement insert, Task t) throws SQLException {
    insert.setObject(1, t.id());
    insert.setObject(2, t.sagaId());
    insert.setLong(3, t.organizationId());
    insert.setLong(4, t.locationId());
    insert.setString(5, t.locationName());
    insert.setString(6, t.installerType());
    if (t.nodeRoleId() == null) {
      insert.setNull(7, Types.BIGINT);
    } else {
      insert.setLong(7, t.nodeRoleId());
    }
    insert.setString(8, t.installerUrl());
    insert.setString(9, AgentDeploymentTaskEntity.PENDING);
    SagaStatements.setInstant(insert, 10, t.at());
    SagaStatements.setInstant(insert, 11, t.at());
  }

  private static void bind(PreparedStatement insert, Attempt a) throws SQLException {
    insert.setObject(1, a.sagaId());
    insert.setString(2, a.stepName());
    insert.setString(3, a.phase());
    insert.setInt(4, a.attempt());
    insert.setString(5, a.outcome());
    insert.setString(6, a.error());
    SagaStatements.setInstant(insert, 7, a.at());
  }

  private static void bind(PreparedStatement insert, Outbox e) throws SQLException {
    insert.setObject(1, e.id());
    insert.setObject(2, e.sagaId());
    insert.setString(3, e.clientId());
    insert.setString(4, e.type());
    insert.setString(5, e.payload());
    SagaStatements.setInstant(insert, 6, e.at());
  }
}
