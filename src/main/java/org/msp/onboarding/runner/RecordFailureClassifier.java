package org.msp.onboarding.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.hibernate.MappingException;
import org.hibernate.PropertyValueException;

/**
 * Tells an outcome that cannot be recorded however often the step runs again (a constraint, a
 * mapping error) from one that a later attempt may record (connection lost, deadlock, failover,
 * pool or transaction timeout). Permanent only when positively identified: halting a saga for a
 * passing database fault would be worse than retrying a broken one a little longer.
 */
final class RecordFailureClassifier {
  /**
   * SQLSTATE classes of errors in the statement or the data: 22 data exception, 23 constraint, 42
   * syntax/object.
   */
  private static final Set<String> PERMANENT_SQL_CLASSES = Set.of("22", "23", "42");

  private static final int MAX_REASON_CHARS = 500;

  private RecordFailureClassifier() {}

  static boolean isPermanent(Throwable failure) {
    List<Throwable> chain = causes(failure);
    boolean sqlPermanent = false;
    for (Throwable cause : chain) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().length() >= 2) {
        if (!PERMANENT_SQL_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
          return false; // a connection or concurrency error anywhere in the chain: the database
          // itself failed
        }
        sqlPermanent = true;
      }
    }
    return sqlPermanent || chain.stream().anyMatch(RecordFailureClassifier::isProgrammingError);
  }

  private static boolean isProgrammingError(Throwable cause) {
    return cause instanceof MappingException
        || cause instanceof PropertyValueException
        || cause instanceof JsonProcessingException
        || cause instanceof NullPointerException
        || cause instanceof ClassCastException
        || cause instanceof IllegalArgumentException;
  }

  /**
   * The most specific message for an operator: the innermost database error (a batch's own message
   * only quotes the statement; the error chained to it names the constraint), else the innermost
   * cause's.
   */
  static String reason(Throwable failure) {
    List<Throwable> chain = causes(failure);
    Throwable telling =
        chain.stream()
            .filter(SQLException.class::isInstance)
            .reduce((first, last) -> last)
            .orElse(chain.get(chain.size() - 1));
    String text = telling.toString();
    return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS) + "...";
  }

  /** The failure, its causes, suppressed exceptions and chained SQL exceptions, each once. */
  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(failure, chain, seen);
    return chain;
  }

  private static void collect(Throwable t, List<Throwable> chain, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    chain.add(t);
    collect(t.getCause(), chain, seen);
    for (Throwable suppressed : t.getSuppressed()) {
      collect(suppressed, chain, seen);
    }
    if (t instanceof SQLException sql) {
      collect(sql.getNextException(), chain, seen);
    }
  }
}
