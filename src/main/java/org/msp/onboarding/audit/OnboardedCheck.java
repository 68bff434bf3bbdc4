package org.msp.onboarding.audit;

import java.util.List;
import java.util.Map;
import org.msp.onboarding.audit.AuditViews.OrganizationVerdict;
import org.msp.onboarding.audit.KnownSagas.KnownSaga;
import org.msp.onboarding.audit.TenantReads.Organization;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.saga.request.OrganizationRequest;

/**
 * Compares one onboarded organization, as the detailed listing shows it, with its saga's request:
 * policy mapping, locations and the custom fields onboarding wrote. Only a tenant that leaves
 * {@code fields} out of the listing costs a read of the organization's custom fields.
 */
final class OnboardedCheck {
  private final TenantReads tenant;
  private final DriftCheck drift;
  private final AuditReads reads;

  OnboardedCheck(TenantReads tenant, DriftCheck drift, AuditReads reads) {
    this.tenant = tenant;
    this.drift = drift;
    this.reads = reads;
  }

  OrganizationVerdict check(Organization org, KnownSaga saga) {
    OrganizationRequest requested = saga.requested();
    try {
      Map<String, Object> fields =
          org.fields() != null ? org.fields() : reads.read(() -> tenant.customFields(org.id()));
      List<String> policyIssues = DriftCheck.policies(requested.policiesOrEmpty(), org.policies());
      List<String> locationIssues =
          LocationCheck.locations(
              requested.locationsOrEmpty(), saga.locationIds(), org.locations());
      List<String> fieldIssues = drift.fields(requested.fieldsOrEmpty(), fields);
      boolean matches = policyIssues.isEmpty() && locationIssues.isEmpty() && fieldIssues.isEmpty();
      return verdict(
          org,
          saga,
          matches ? Verdict.MATCHES : Verdict.DRIFTED,
          policyIssues,
          locationIssues,
          fieldIssues,
          null);
    } catch (RemoteCallException e) {
      // NinjaOne's own words (already trimmed) are what an operator needs to judge the failure.
      return verdict(
          org, saga, Verdict.UNREADABLE, List.of(), List.of(), List.of(), e.getMessage());
    }
  }

  static OrganizationVerdict verdict(
      Organization org,
      KnownSaga saga,
      Verdict verdict,
      List<String> policyIssues,
      List<String> locationIssues,
      List<String> fieldIssues,
      String error) {
    return new OrganizationVerdict(
        org.id(),
        org.name(),
        verdict,
        saga == null ? null : saga.sagaId(),
        saga == null ? null : saga.clientId(),
        saga == null ? null : saga.status().name(),
        policyIssues,
        locationIssues,
        fieldIssues,
        error);
  }
}
