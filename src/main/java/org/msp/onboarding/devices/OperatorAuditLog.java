package org.msp.onboarding.devices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Operators' actions on NinjaOne worth a trail: an INFO line (who, what, on what) and a row in
 * table operator_action, kept when the log has rotated away.
 */
@ApplicationScoped
public class OperatorAuditLog {
  private static final Logger LOG = Logger.getLogger(OperatorAuditLog.class);

  private final EntityManager em;

  public OperatorAuditLog(EntityManager em) {
    this.em = em;
  }

  /** Joins the caller's transaction, so the row is written with the change it records. */
  @Transactional
  public void record(String operator, String action, String subject, String detail) {
    em.createNativeQuery(
            "INSERT INTO operator_action (id, at, operator, action, subject, detail)"
                + " VALUES (?1, now(), ?2, ?3, ?4, ?5)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, operator)
        .setParameter(3, action)
        .setParameter(4, subject)
        .setParameter(5, detail)
        .executeUpdate();
    LOG.infof("operator %s: %s %s (%s)", operator, action, subject, detail);
  }
}
