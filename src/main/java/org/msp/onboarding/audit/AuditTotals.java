package org.msp.onboarding.audit;

import java.util.List;
import org.msp.onboarding.audit.AuditViews.MissingOrganization;
import org.msp.onboarding.audit.AuditViews.OrganizationVerdict;
import org.msp.onboarding.audit.AuditViews.Totals;

/** Counts verdicts for the report's summary line. */
final class AuditTotals {
  private AuditTotals() {}

  static Totals of(List<OrganizationVerdict> verdicts, List<MissingOrganization> missing) {
    return new Totals(
        verdicts.size(),
        count(verdicts, Verdict.MATCHES),
        count(verdicts, Verdict.DRIFTED),
        count(verdicts, Verdict.UNKNOWN_TO_SAGAS),
        count(verdicts, Verdict.NOT_COMPLETED),
        count(verdicts, Verdict.UNREADABLE),
        missing.size());
  }

  private static int count(List<OrganizationVerdict> verdicts, Verdict verdict) {
    return (int) verdicts.stream().filter(v -> v.verdict() == verdict).count();
  }
}
