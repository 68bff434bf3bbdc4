package org.msp.onboarding.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.msp.onboarding.audit.AuditViews.AuditReport;

/**
 * The organization audit, one run at a time: a caller who finds a run going gets its report when it
 * ends, and a report younger than {@code onboarding.audit.reuse-for} answers without a new run (its
 * {@code ageSeconds} says how old it is). Its NinjaOne reads go through {@link TenantReads}, whose
 * adapter uses the service's client, so they share the request budget.
 */
@ApplicationScoped
public class OrganizationAudit {
  private final AuditPass pass;
  private final AuditConfig config;
  private CompletableFuture<AuditReport> running;
  private AuditReport latest;

  public OrganizationAudit(
      TenantReads tenant, KnownSagas knownSagas, AuditConfig config, ObjectMapper json) {
    this.pass = new AuditPass(tenant, knownSagas, config, new DriftCheck(json));
    this.config = config;
  }

  /** Throws RemoteCallException when the organization list itself cannot be read. */
  public AuditReport run() {
    CompletableFuture<AuditReport> mine;
    CompletableFuture<AuditReport> theirs = null;
    synchronized (this) {
      if (running != null) {
        theirs = running;
        mine = null;
      } else if (latest != null && latest.ranAt().plus(config.reuseFor()).isAfter(Instant.now())) {
        return latest.aged(Instant.now());
      } else {
        mine = running = new CompletableFuture<>();
      }
    }
    if (theirs != null) {
      return join(theirs); // outside the lock: the run ends by taking it
    }
    try {
      AuditReport report = pass.run();
      finished(mine, report);
      mine.complete(report);
    } catch (RuntimeException e) {
      finished(mine, null);
      mine.completeExceptionally(e);
    }
    return join(mine);
  }

  private synchronized void finished(CompletableFuture<AuditReport> run, AuditReport report) {
    if (running == run) {
      running = null;
    }
    if (report != null) {
      latest = report;
    }
  }

  private static AuditReport join(CompletableFuture<AuditReport> run) {
    try {
      return run.join().aged(Instant.now());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
