package org.msp.onboarding.chaos;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Follows the sagas a killed instance held a lease on: who takes each over and when. The service's
 * claim query only takes a saga whose lease has expired, so another owner appearing before the dead
 * owner's lease_until (both read from the database's clock) would be a lease violation; a takeover
 * some seconds after the kill is the "dies mid-step, another picks it up after the lease expires"
 * of the issue.
 */
final class LeaseWatch implements AutoCloseable {

  /**
   * A saga leased by an instance at the moment it was killed. Fields after the first five are
   * filled in later.
   */
  static final class Orphan {
    final UUID sagaId;
    final String killedInstance;
    final String deadOwner;
    final Timestamp leaseUntil;
    final long killedAtNanos;
    volatile boolean released;
    volatile Long pickedUpAfterMillis;
    volatile String pickedUpBy;
    volatile boolean beforeExpiry;

    Orphan(
        UUID sagaId,
        String killedInstance,
        String deadOwner,
        Timestamp leaseUntil,
        long killedAtNanos) {
      this.sagaId = sagaId;
      this.killedInstance = killedInstance;
      this.deadOwner = deadOwner;
      this.leaseUntil = leaseUntil;
      this.killedAtNanos = killedAtNanos;
    }

    boolean resolved() {
      return pickedUpAfterMillis != null;
    }
  }

  private final ChaosDatabase database;
  private final List<Orphan> orphans = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  LeaseWatch(ChaosDatabase database) {
    this.database = database;
    thread = new Thread(this::run, "chaos-lease-watch");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Records the sagas whose live lease belongs to the process {@code pid}; call right after killing
   * it.
   *
   * @return how many, or -1 if unknown (no pid, or the database was away at that moment)
   */
  int snapshot(String instance, long pid, long killedAtNanos) {
    if (pid < 0) {
      return -1;
    }
    try (Connection c = database.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, lease_owner, lease_until FROM saga"
                    + " WHERE status IN ('RUNNING', 'COMPENSATING') AND lease_owner LIKE ? AND lease_until > now()")) {
      // The owner id is host/pid/random (runner.InstanceId).
      ps.setString(1, "%/" + pid + "/%");
      List<Orphan> found = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(
              new Orphan(
                  rs.getObject(1, UUID.class),
                  instance,
                  rs.getString(2),
                  rs.getTimestamp(3),
                  killedAtNanos));
        }
      }
      synchronized (this) {
        orphans.addAll(found);
      }
      return found.size();
    } catch (SQLException e) {
      return -1;
    }
  }

  synchronized List<Orphan> orphans() {
    return List.copyOf(orphans);
  }

  private void run() {
    while (running) {
      try {
        Thread.sleep(250);
        poll();
      } catch (InterruptedException e) {
        return;
      } catch (SQLException e) {
        // PostgreSQL is being restarted or the sessions were just terminated: look again next
        // round.
      }
    }
  }

  private void poll() throws SQLException {
    List<Orphan> pending;
    synchronized (this) {
      pending = orphans.stream().filter(o -> !o.resolved()).toList();
    }
    if (pending.isEmpty()) {
      return;
    }
    try (Connection c = database.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, lease_owner, status, now() FROM saga WHERE id = ANY(?)")) {
      Array ids = c.createArrayOf("uuid", pending.stream().map(o -> o.sagaId).toArray());
      ps.setArray(1, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          String owner = rs.getString(2);
          String status = rs.getString(3);
          Timestamp dbNow = rs.getTimestamp(4);
          for (Orphan orphan : pending) {
            if (orphan.sagaId.equals(id)) {
              judge(orphan, owner, status, dbNow);
            }
          }
        }
      }
    }
  }

  private static void judge(Orphan orphan, String owner, String status, Timestamp dbNow) {
    long sinceKill = (System.nanoTime() - orphan.killedAtNanos) / 1_000_000;
    boolean terminal = !status.equals("RUNNING") && !status.equals("COMPENSATING");
    if (owner != null && !owner.equals(orphan.deadOwner)) {
      orphan.pickedUpBy = owner;
      // Only the claim query hands a saga to a new owner, and only after lease_until: earlier is a
      // violation.
      orphan.beforeExpiry = !orphan.released && dbNow.before(orphan.leaseUntil);
      orphan.pickedUpAfterMillis = sinceKill;
    } else if (owner == null && !terminal) {
      // The dead process's last commit (sent before the kill) released the lease; whoever claims
      // next is fine.
      orphan.released = true;
    } else if (terminal && !Objects.equals(owner, orphan.deadOwner)) {
      // Taken over and finished between two looks: picked up, time known only to the poll interval.
      orphan.pickedUpBy = "(ended as " + status + ")";
      orphan.pickedUpAfterMillis = sinceKill;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
