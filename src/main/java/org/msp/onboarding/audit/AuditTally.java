package org.msp.onboarding.audit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.msp.onboarding.audit.AuditViews.OrganizationVerdict;
import org.msp.onboarding.audit.AuditViews.Totals;

/**
 * Collects one audit's verdicts page by page: every verdict is counted, organizations some saga
 * knows are listed, organizations no saga knows only up to a limit, so the report's size follows
 * the sagas, not the tenant.
 */
final class AuditTally {
  private final Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
  private final List<OrganizationVerdict> listed = new ArrayList<>();
  private final int maxUnknownListed;
  private int unknownListed;
  private int total;

  AuditTally(int maxUnknownListed) {
    this.maxUnknownListed = maxUnknownListed;
  }

  void add(OrganizationVerdict verdict) {
    total++;
    counts.merge(verdict.verdict(), 1, Integer::sum);
    if (verdict.verdict() != Verdict.UNKNOWN_TO_SAGAS) {
      listed.add(verdict);
    } else if (unknownListed < maxUnknownListed) {
      unknownListed++;
      listed.add(verdict);
    }
  }

  List<OrganizationVerdict> listed() {
    return listed;
  }

  int unknownListed() {
    return unknownListed;
  }

  Totals totals(int missing) {
    return new Totals(
        total,
        count(Verdict.MATCHES),
        count(Verdict.DRIFTED),
        count(Verdict.UNKNOWN_TO_SAGAS),
        count(Verdict.NOT_COMPLETED),
        count(Verdict.UNREADABLE),
        missing);
  }

  private int count(Verdict verdict) {
    return counts.getOrDefault(verdict, 0);
  }
}
