package org.msp.onboarding.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the organization audit reports. */
public final class AuditViews {
  private AuditViews() {}

  /** One organization of the tenant and how it compares with what onboarding set. */
  public record OrganizationVerdict(
      long organizationId,
      String name,
      Verdict verdict,
      UUID sagaId,
      String clientId,
      String sagaStatus,
      List<String> policyIssues,
      List<String> locationIssues,
      List<String> fieldIssues,
      String error) {

    public boolean hasIssues() {
      return !policyIssues.isEmpty()
          || !locationIssues.isEmpty()
          || !fieldIssues.isEmpty()
          || error != null;
    }
  }

  /** A saga whose organization NinjaOne no longer lists. */
  public record MissingOrganization(
      long organizationId, UUID sagaId, String clientId, String sagaStatus) {}

  public record Totals(
      int organizations,
      int matching,
      int drifted,
      int unknownToSagas,
      int notCompleted,
      int unreadable,
      int missingInNinjaOne) {}

  /**
   * The whole report, with its own cost (NinjaOne calls and wall time) and its age: a caller may
   * get the result of an audit that was already running or finished a moment ago. Organizations no
   * saga knows are counted in full but listed only up to {@code unknownToSagasListed} (the report
   * never holds the whole tenant).
   */
  public record AuditReport(
      Instant ranAt,
      long ageSeconds,
      long elapsedMillis,
      int ninjaOneCalls,
      Totals totals,
      List<OrganizationVerdict> organizations,
      int unknownToSagasListed,
      List<MissingOrganization> missing) {

    AuditReport aged(Instant now) {
      long age = Math.max(0, java.time.Duration.between(ranAt, now).toSeconds());
      return new AuditReport(
          ranAt,
          age,
          elapsedMillis,
          ninjaOneCalls,
          totals,
          organizations,
          unknownToSagasListed,
          missing);
    }
  }
}
