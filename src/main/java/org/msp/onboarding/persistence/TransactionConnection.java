package org.msp.onboarding.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The JDBC connection of the caller's JTA transaction, taken from the pool rather than through a
 * Hibernate session. The runner's transactions write with JDBC only; a session opened just to reach
 * the connection cost each of them its creation, its flush and its synchronizations. Agroal gives
 * every use within one transaction the same enlisted connection, the one Hibernate uses too, so
 * each sees the other's statements.
 */
@ApplicationScoped
public class TransactionConnection {
  private final AgroalDataSource dataSource;

  public TransactionConnection(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Statements run on the transaction's connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work}; a database error is thrown as a PersistenceException caused by it. */
  public <T> T run(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new PersistenceException("database error: " + e.getMessage(), e);
    }
  }
}
