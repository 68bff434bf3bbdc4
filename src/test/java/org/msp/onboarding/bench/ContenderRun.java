package org.msp.onboarding.bench;

import java.util.List;
import java.util.Map;
import org.msp.onboarding.harness.TestDatabase;

/** A started contender: its processes, how many sagas have ended, and when each one completed. */
interface ContenderRun extends AutoCloseable {

  /** Every JVM that does the contender's work (the service's instances, or the one child JVM). */
  List<Long> pids();

  /** Sagas completed so far. */
  int completed();

  /**
   * Transactions that watching for completion added to the contender's database (to leave out of
   * its figure).
   */
  default long polls() {
    return 0;
  }

  /** Sagas that ended otherwise (rolled back or failed). */
  int failed();

  /** clientId to the wall-clock millisecond its saga completed; called once the run is over. */
  Map<String, Long> completions() throws Exception;

  /** The contender's PostgreSQL database, or null when it has none (raw baseline). */
  TestDatabase database();

  /**
   * Stops the processes and waits for them, so their PostgreSQL sessions are gone and their
   * statistics flushed.
   */
  void stop();

  /** Drops what the run created (the database); after stop(). */
  @Override
  void close();
}
