package org.msp.onboarding.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Evidence for a missing status event. The relay deletes outbox rows once Kafka acknowledged them,
 * so after the run the table cannot say what happened to an event that never reached the topic.
 * This installs AFTER INSERT and AFTER DELETE row triggers that copy each row's seq, saga, type and
 * event id, with the transaction and the time, into a side table. They only observe: nothing the
 * service reads or writes changes.
 */
final class OutboxAudit {
  private OutboxAudit() {}

  /** Call once the service has migrated the schema (after the first instance is ready). */
  static void install(ChaosDatabase database) throws SQLException {
    try (Connection c = database.connect();
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE chaos_outbox_audit (seq bigint NOT NULL, event_id uuid NOT NULL, saga_id uuid NOT NULL,"
              + " type varchar(40) NOT NULL, op char(1) NOT NULL, txid bigint NOT NULL, backend int NOT NULL,"
              + " at timestamptz NOT NULL)");
      st.execute(
          "CREATE FUNCTION chaos_outbox_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
              + " IF TG_OP = 'INSERT' THEN"
              + "  INSERT INTO chaos_outbox_audit VALUES (NEW.seq, NEW.id, NEW.saga_id, NEW.type, 'I', txid_current(),"
              + "   pg_backend_pid(), clock_timestamp()); RETURN NEW;"
              + " ELSE"
              + "  INSERT INTO chaos_outbox_audit VALUES (OLD.seq, OLD.id, OLD.saga_id, OLD.type, 'D', txid_current(),"
              + "   pg_backend_pid(), clock_timestamp()); RETURN OLD;"
              + " END IF; END $$");
      st.execute(
          "CREATE TRIGGER chaos_outbox_audit AFTER INSERT OR DELETE ON outbox_event"
              + " FOR EACH ROW EXECUTE FUNCTION chaos_outbox_audit_row()");
    }
  }

  /**
   * Every status event the service committed to the outbox but that is not on the topic: deleted by
   * a relay without having been sent (lost), or still waiting in the outbox after the run's wait
   * (never relayed).
   */
  static List<String> notOnTopic(ChaosDatabase database, Set<String> eventIdsOnTopic)
      throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = database.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT i.event_id::text, i.seq, i.type, i.saga_id, i.txid, d.txid"
                    + " FROM chaos_outbox_audit i LEFT JOIN chaos_outbox_audit d ON d.seq = i.seq AND d.op = 'D'"
                    + " WHERE i.op = 'I' ORDER BY i.seq")) {
      while (rs.next()) {
        if (!eventIdsOnTopic.contains(rs.getString(1))) {
          long deleter = rs.getLong(6);
          lines.add(
              String.format(
                  "seq %d %s of saga %s (written by tx %d) %s",
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getLong(5),
                  rs.wasNull()
                      ? "is still in the outbox"
                      : "was deleted by relay tx " + deleter + " but never sent"));
        }
      }
    }
    return lines;
  }

  /**
   * What happened to a saga's outbox rows: when they were written, whether they are still there,
   * and if a relay transaction deleted them, which other rows it deleted and how many of those did
   * reach the topic.
   */
  static List<String> explain(ChaosDatabase database, UUID sagaId, Set<String> eventIdsOnTopic)
      throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = database.connect()) {
      List<long[]> deletingTx = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT i.seq, i.type, i.event_id, i.txid, i.at, d.txid, d.at,"
                  + " d.backend, EXISTS (SELECT 1 FROM outbox_event o WHERE o.seq = i.seq)"
                  + " FROM chaos_outbox_audit i LEFT JOIN chaos_outbox_audit d ON d.seq = i.seq AND d.op = 'D'"
                  + " WHERE i.saga_id = ? AND i.op = 'I' ORDER BY i.seq")) {
        ps.setObject(1, sagaId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String eventId = rs.getString(3);
            long deleter = rs.getLong(6);
            boolean deleted = !rs.wasNull();
            lines.add(
                String.format(
                    "seq %d %s: written by tx %d at %s; %s; %s",
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getLong(4),
                    rs.getTimestamp(5),
                    deleted
                        ? "deleted by tx "
                            + deleter
                            + " (backend "
                            + rs.getInt(8)
                            + ") at "
                            + rs.getTimestamp(7)
                        : rs.getBoolean(9)
                            ? "still in outbox_event"
                            : "gone without a recorded delete",
                    eventIdsOnTopic.contains(eventId) ? "on the topic" : "NOT on the topic"));
            if (deleted && deletingTx.stream().noneMatch(t -> t[0] == deleter)) {
              deletingTx.add(new long[] {deleter});
            }
          }
        }
      }
      for (long[] tx : deletingTx) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT min(seq), max(seq), count(*), array_agg(event_id::text)"
                    + " FROM chaos_outbox_audit WHERE op = 'D' AND txid = ?")) {
          ps.setLong(1, tx[0]);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              String[] ids = (String[]) rs.getArray(4).getArray();
              long published =
                  java.util.Arrays.stream(ids).filter(eventIdsOnTopic::contains).count();
              lines.add(
                  String.format(
                      "relay tx %d deleted %d row(s), seq %d..%d; %d of them are on the topic",
                      tx[0], rs.getInt(3), rs.getLong(1), rs.getLong(2), published));
            }
          }
        }
      }
    }
    return lines;
  }
}
