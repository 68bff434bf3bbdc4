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
      List<String> fieldIssues,
      String error) {

    public boolean hasIssues() {
      return !policyIssues.isEmpty() || !fieldIssues.isEmpty() || error != null;
    }
  }

  /** A saga whose organization NinjaOne no longer lists. */
  public record MissingOrganization(long organizationId, UUID sagaId, String clientId, String sagaStatus) {}

  public record Totals(
      int organizations,
      int matching,
      int drifted,
      int unknownToSagas,
      int notCompleted,
      int unreadable,
      int missingInNinjaOne) {}

  /** The whole report, with its own cost (NinjaOne calls and wall time) so operators see what a run takes. */
  public record AuditReport(
      Instant ranAt,
      long elapsedMillis,
      int ninjaOneCalls,
      Totals totals,
      List<OrganizationVerdict> organizations,
      List<MissingOrganization> missing) {}
}
