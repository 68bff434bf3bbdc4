package org.msp.onboarding.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.msp.onboarding.saga.FailureCode;
import org.msp.onboarding.saga.SagaStatus;

/**
 * The saga row: the domain's {@link org.msp.onboarding.saga.Saga} as stored, with its steps in one
 * JSON column, plus the lease of the worker holding it. Only this package reads or writes the
 * fields; the state changes are the domain's.
 */
@Entity
@Table(name = "saga")
public class SagaEntity extends PanacheEntityBase {
  @Id UUID id;

  /** Insertion order, for newest-first paging; assigned by the database. */
  @Column(insertable = false, updatable = false)
  Long seq;

  @Column(updatable = false)
  String sagaType;

  @Column(updatable = false)
  String eventId;

  @Column(updatable = false)
  String clientId;

  String organizationName;

  @Enumerated(EnumType.STRING)
  SagaStatus status;

  @Column(updatable = false)
  @JdbcTypeCode(SqlTypes.JSON)
  String request;

  @JdbcTypeCode(SqlTypes.JSON)
  String data;

  @JdbcTypeCode(SqlTypes.JSON)
  String steps;

  Long organizationId;

  @Enumerated(EnumType.STRING)
  FailureCode failureCode;

  String failureReason;

  @Enumerated(EnumType.STRING)
  FailureCode rollbackCode;

  String rollbackReason;
  String earlierFailure;

  /** W3C trace context of the record that started the saga; its steps' calls continue it. */
  @Column(updatable = false)
  String traceparent;

  boolean compensationRequested;
  Instant nextAttemptAt;
  String leaseOwner;
  Instant leaseUntil;

  /** Grows with each claim; a worker holding an older epoch was superseded. */
  long leaseEpoch;

  int recordFailures;
  String haltedReason;

  @Column(updatable = false)
  Instant createdAt;

  Instant updatedAt;
  Instant finishedAt;

  @Version long version;
}
