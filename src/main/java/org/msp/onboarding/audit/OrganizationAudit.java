package org.msp.onboarding.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.msp.onboarding.audit.AuditViews.AuditReport;
import org.msp.onboarding.audit.AuditViews.MissingOrganization;
import org.msp.onboarding.audit.AuditViews.OrganizationVerdict;
import org.msp.onboarding.audit.KnownSagas.KnownSaga;
import org.msp.onboarding.ninjaone.NinjaOneClient;
import org.msp.onboarding.ninjaone.dto.OrganizationBody;
import org.msp.onboarding.saga.SagaStatus;

/**
 * Lists the tenant's organizations and compares each one a COMPLETED saga onboarded with what that saga set.
 * Cost: one listing (pages of {@code ninjaone.organization-page-size}) plus two reads per onboarded organization;
 * organizations no saga knows cost nothing more, as there is nothing to compare them with.
 */
@ApplicationScoped
public class OrganizationAudit {
  private final NinjaOneClient ninjaOne;
  private final KnownSagas knownSagas;
  private final AuditConfig config;
  private final DriftCheck drift;
  private final ExecutorService readers;

  public OrganizationAudit(NinjaOneClient ninjaOne, KnownSagas knownSagas, AuditConfig config, ObjectMapper json) {
    this.ninjaOne = ninjaOne;
    this.knownSagas = knownSagas;
    this.config = config;
    this.drift = new DriftCheck(json);
    this.readers = Executors.newFixedThreadPool(config.parallelism(), r -> {
      Thread thread = new Thread(r, "audit-reader");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Throws RemoteCallException when the organization list itself cannot be read. */
  public AuditReport run() {
    long started = System.nanoTime();
    AuditReads reads = new AuditReads(config);
    Map<Long, KnownSaga> known = knownSagas.byOrganization();
    List<OrganizationBody> organizations = reads.read(ninjaOne::allOrganizations);
    reads.counted(organizations.size() / ninjaOne.organizationPageSize());
    List<CompletableFuture<OrganizationVerdict>> verdicts = new ArrayList<>();
    Set<Long> listed = new HashSet<>();
    for (OrganizationBody org : organizations) {
      listed.add(org.id());
      verdicts.add(verdict(org, known.get(org.id()), reads));
    }
    List<OrganizationVerdict> results = new ArrayList<>();
    verdicts.forEach(v -> results.add(v.join()));
    results.sort(Comparator.comparingLong(OrganizationVerdict::organizationId));
    List<MissingOrganization> missing = missing(known, listed);
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    return new AuditReport(Instant.now(), elapsed, reads.calls(), AuditTotals.of(results, missing), results, missing);
  }

  private CompletableFuture<OrganizationVerdict> verdict(OrganizationBody org, KnownSaga saga, AuditReads reads) {
    if (saga == null) {
      return CompletableFuture.completedFuture(plain(org, Verdict.UNKNOWN_TO_SAGAS, null));
    }
    if (saga.status() != SagaStatus.COMPLETED || saga.requested() == null) {
      return CompletableFuture.completedFuture(plain(org, Verdict.NOT_COMPLETED, saga));
    }
    return CompletableFuture.supplyAsync(() -> new OnboardedCheck(ninjaOne, drift, reads).check(org, saga), readers);
  }

  static OrganizationVerdict plain(OrganizationBody org, Verdict verdict, KnownSaga saga) {
    return new OrganizationVerdict(
        org.id(), org.name(), verdict, saga == null ? null : saga.sagaId(), saga == null ? null : saga.clientId(),
        saga == null ? null : saga.status().name(), List.of(), List.of(), null);
  }

  /** Sagas that hold an organization id NinjaOne does not list (rolled-back ones included: they keep theirs). */
  private static List<MissingOrganization> missing(Map<Long, KnownSaga> known, Set<Long> listed) {
    List<MissingOrganization> missing = new ArrayList<>();
    known.values().stream()
        .filter(s -> !listed.contains(s.organizationId()))
        .sorted(Comparator.comparingLong(KnownSaga::organizationId))
        .forEach(s -> missing.add(
            new MissingOrganization(s.organizationId(), s.sagaId(), s.clientId(), s.status().name())));
    return missing;
  }

  @PreDestroy
  void stop() {
    readers.shutdownNow();
  }
}
