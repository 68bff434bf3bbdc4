package org.msp.onboarding.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.msp.onboarding.audit.AuditViews.AuditReport;
import org.msp.onboarding.audit.AuditViews.MissingOrganization;
import org.msp.onboarding.audit.AuditViews.OrganizationVerdict;
import org.msp.onboarding.audit.KnownSagas.KnownSaga;
import org.msp.onboarding.audit.TenantReads.Organization;
import org.msp.onboarding.audit.TenantReads.Page;
import org.msp.onboarding.saga.SagaStatus;

/**
 * One audit: pages the tenant's organizations (one call per page, each organization with its
 * locations, policy mapping and custom fields) and judges each page before reading the next, so at
 * most one page of the tenant is in the heap. The sagas of a page are read from PostgreSQL with it.
 */
final class AuditPass {
  private final TenantReads tenant;
  private final KnownSagas knownSagas;
  private final AuditConfig config;
  private final DriftCheck drift;

  AuditPass(TenantReads tenant, KnownSagas knownSagas, AuditConfig config, DriftCheck drift) {
    this.tenant = tenant;
    this.knownSagas = knownSagas;
    this.config = config;
    this.drift = drift;
  }

  /** Throws RemoteCallException when a page of the listing cannot be read. */
  AuditReport run() {
    long started = System.nanoTime();
    AuditReads reads = new AuditReads(config);
    OnboardedCheck onboarded = new OnboardedCheck(tenant, drift, reads);
    AuditTally tally = new AuditTally(config.maxUnknownListed());
    Set<Long> seenKnown = new HashSet<>();
    Long cursor = null;
    do {
      Long after = cursor;
      Page page = reads.read(() -> tenant.organizationsAfter(after));
      List<Organization> organizations = page.organizations();
      Map<Long, KnownSaga> known =
          knownSagas.ofOrganizations(organizations.stream().map(Organization::id).toList());
      for (Organization org : organizations) {
        KnownSaga saga = known.get(org.id());
        if (saga != null) {
          seenKnown.add(org.id());
        }
        tally.add(verdict(org, saga, onboarded));
      }
      cursor = page.next();
    } while (cursor != null);
    List<MissingOrganization> missing = missing(knownSagas.all(), seenKnown);
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    return new AuditReport(
        Instant.now(),
        0,
        elapsed,
        reads.calls(),
        tally.totals(missing.size()),
        tally.listed(),
        tally.unknownListed(),
        missing);
  }

  private static OrganizationVerdict verdict(
      Organization org, KnownSaga saga, OnboardedCheck onboarded) {
    if (saga == null) {
      return OnboardedCheck.verdict(
          org, null, Verdict.UNKNOWN_TO_SAGAS, List.of(), List.of(), List.of(), null);
    }
    if (saga.status() != SagaStatus.COMPLETED || saga.requested() == null) {
      return OnboardedCheck.verdict(
          org, saga, Verdict.NOT_COMPLETED, List.of(), List.of(), List.of(), null);
    }
    return onboarded.check(org, saga);
  }

  /**
   * Sagas that hold an organization id NinjaOne does not list (rolled-back ones included: they keep
   * theirs).
   */
  private static List<MissingOrganization> missing(Map<Long, KnownSaga> known, Set<Long> listed) {
    List<MissingOrganization> missing = new ArrayList<>();
    known.values().stream()
        .filter(s -> !listed.contains(s.organizationId()))
        .sorted(Comparator.comparingLong(KnownSaga::organizationId))
        .forEach(
            s ->
                missing.add(
                    new MissingOrganization(
                        s.organizationId(), s.sagaId(), s.clientId(), s.status().name())));
    return missing;
  }
}
