package org.msp.onboarding.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.persistence.PersistenceException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures to record an outcome halt a saga (permanent) and which only let its step run
 * again.
 */
class RecordFailureClassifierTest {

  /**
   * How the transaction manager reports a failed commit: the database's error a few causes down.
   */
  private static RuntimeException atCommit(Throwable cause) {
    return new IllegalStateException(
        "transaction rolled back", new PersistenceException("flush failed", cause));
  }

  @Test
  void constraintViolationIsPermanent() {
    SQLException check = new SQLException("violates check constraint \"no_bad_location\"", "23514");
    assertTrue(
        RecordFailureClassifier.isPermanent(
            atCommit(new ConstraintViolationException("insert", check, "x"))));
  }

  @Test
  void constraintViolationInsideABatchIsPermanent() {
    BatchUpdateException batch =
        new BatchUpdateException("batch entry 0 failed", "23505", new int[0]);
    batch.setNextException(new SQLException("duplicate key value", "23505"));
    assertTrue(RecordFailureClassifier.isPermanent(atCommit(batch)));
  }

  @Test
  void dataExceptionAndUndefinedColumnArePermanent() {
    assertTrue(
        RecordFailureClassifier.isPermanent(atCommit(new SQLException("value too long", "22001"))));
    assertTrue(
        RecordFailureClassifier.isPermanent(
            atCommit(new SQLException("column does not exist", "42703"))));
  }

  @Test
  void mappingAndProgrammingErrorsArePermanent() {
    assertTrue(
        RecordFailureClassifier.isPermanent(
            atCommit(new JsonParseException(null, "unexpected token"))));
    assertTrue(RecordFailureClassifier.isPermanent(new NullPointerException("data.locationIds")));
    assertTrue(
        RecordFailureClassifier.isPermanent(atCommit(new ClassCastException("Long to Integer"))));
    assertTrue(RecordFailureClassifier.isPermanent(new IllegalArgumentException("unknown step")));
  }

  @Test
  void lostConnectionIsTransient() {
    SQLException lost =
        new SQLException("An I/O error occurred while sending to the backend", "08006");
    assertFalse(
        RecordFailureClassifier.isPermanent(atCommit(new JDBCConnectionException("commit", lost))));
  }

  @Test
  void terminatedSessionSerializationFailureAndDeadlockAreTransient() {
    assertFalse(
        RecordFailureClassifier.isPermanent(
            atCommit(new SQLException("terminating connection", "57P01"))));
    assertFalse(
        RecordFailureClassifier.isPermanent(
            atCommit(new SQLException("could not serialize", "40001"))));
    assertFalse(
        RecordFailureClassifier.isPermanent(
            atCommit(new SQLException("deadlock detected", "40P01"))));
  }

  @Test
  void connectionErrorWinsOverAProgrammingErrorInTheSameChain() {
    SQLException lost = new SQLException("connection closed", "08003");
    assertFalse(
        RecordFailureClassifier.isPermanent(new IllegalArgumentException("while recording", lost)));
  }

  @Test
  void poolAndTransactionTimeoutsAndUnknownErrorsAreTransient() {
    assertFalse(
        RecordFailureClassifier.isPermanent(
            atCommit(new SQLTransientConnectionException("acquisition timeout"))));
    assertFalse(
        RecordFailureClassifier.isPermanent(new IllegalStateException("transaction timed out")));
    assertFalse(RecordFailureClassifier.isPermanent(new RuntimeException("something else")));
  }

  @Test
  void reasonOfAFailedBatchNamesTheConstraintRatherThanTheStatement() {
    BatchUpdateException batch =
        new BatchUpdateException(
            "Batch entry 0 insert into agent_deployment_task ...", "23514", new int[0]);
    batch.setNextException(
        new SQLException("violates check constraint \"no_bad_location\"", "23514"));
    String reason = RecordFailureClassifier.reason(atCommit(batch));
    assertTrue(reason.contains("no_bad_location") && !reason.contains("insert into"), reason);
  }

  @Test
  void reasonQuotesTheDatabaseError() {
    SQLException check = new SQLException("violates check constraint \"no_bad_location\"", "23514");
    String reason = RecordFailureClassifier.reason(atCommit(check));
    assertTrue(reason.contains("no_bad_location"), reason);
  }
}
