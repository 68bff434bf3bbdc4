package org.msp.onboarding.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.msp.onboarding.saga.FailureCode;
import org.msp.onboarding.saga.Saga;
import org.msp.onboarding.saga.SagaData;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.saga.StepState;
import org.msp.onboarding.saga.request.ClientRequest;

/** Turns saga rows into the domain's sagas and back: the JSON columns and the plain ones. */
@ApplicationScoped
public class SagaRows {
  private static final TypeReference<List<StepState.Snapshot>> STEPS = new TypeReference<>() {};

  private final SagaJson json;

  public SagaRows(SagaJson json) {
    this.json = json;
  }

  Saga saga(SagaEntity row) {
    return Saga.restore(snapshot(row));
  }

  SagaRecord record(SagaEntity row) {
    return new SagaRecord(
        snapshot(row),
        row.seq == null ? 0 : row.seq,
        row.leaseOwner,
        row.leaseUntil,
        row.traceparent);
  }

  Saga.Snapshot snapshot(SagaEntity row) {
    return new Saga.Snapshot(
        row.id,
        row.sagaType,
        row.eventId,
        row.clientId,
        row.organizationName,
        json.read(row.request, ClientRequest.class),
        json.read(row.data, SagaData.class),
        row.status,
        row.failureCode,
        row.failureReason,
        row.rollbackCode,
        row.rollbackReason,
        row.earlierFailure,
        row.compensationRequested,
        row.nextAttemptAt,
        row.recordFailures,
        row.haltedReason,
        row.createdAt,
        row.updatedAt,
        row.finishedAt,
        row.version,
        json.read(row.steps, STEPS));
  }

  /** The same from a plain JDBC row (the claim's answer). */
  Saga.Snapshot snapshot(ResultSet row) throws SQLException {
    return new Saga.Snapshot(
        row.getObject("id", UUID.class),
        row.getString("saga_type"),
        row.getString("event_id"),
        row.getString("client_id"),
        row.getString("organization_name"),
        json.read(row.getString("request"), ClientRequest.class),
        json.read(row.getString("data"), SagaData.class),
        SagaStatus.valueOf(row.getString("status")),
        failureCode(row.getString("failure_code")),
        row.getString("failure_reason"),
        failureCode(row.getString("rollback_code")),
        row.getString("rollback_reason"),
        row.getString("earlier_failure"),
        row.getBoolean("compensation_requested"),
        instant(row, "next_attempt_at"),
        row.getInt("record_failures"),
        row.getString("halted_reason"),
        instant(row, "created_at"),
        instant(row, "updated_at"),
        instant(row, "finished_at"),
        row.getLong("version"),
        json.read(row.getString("steps"), STEPS));
  }

  private static FailureCode failureCode(String name) {
    return name == null ? null : FailureCode.valueOf(name);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  /** The row of a saga just started. */
  SagaStatements.NewSaga newSaga(Saga saga, String traceparent) {
    Saga.Snapshot s = saga.snapshot();
    return new SagaStatements.NewSaga(
        s, json.write(s.request()), dataJson(s), stepsJson(s), traceparent);
  }

  String stepsJson(Saga.Snapshot s) {
    return json.writeCompact(s.steps());
  }

  String dataJson(Saga.Snapshot s) {
    return json.writeCompact(s.data());
  }
}
