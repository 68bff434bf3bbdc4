package org.msp.onboarding.audit;

import java.util.List;
import java.util.Map;
import org.msp.onboarding.audit.AuditViews.OrganizationVerdict;
import org.msp.onboarding.audit.KnownSagas.KnownSaga;
import org.msp.onboarding.ninjaone.NinjaOneClient;
import org.msp.onboarding.ninjaone.dto.OrganizationBody;
import org.msp.onboarding.ninjaone.dto.OrganizationDetailBody;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.saga.request.OrganizationRequest;

/** Reads one onboarded organization's policy mapping and custom fields and compares them with its saga's request. */
final class OnboardedCheck {
  private final NinjaOneClient ninjaOne;
  private final DriftCheck drift;
  private final AuditReads reads;

  OnboardedCheck(NinjaOneClient ninjaOne, DriftCheck drift, AuditReads reads) {
    this.ninjaOne = ninjaOne;
    this.drift = drift;
    this.reads = reads;
  }

  OrganizationVerdict check(OrganizationBody org, KnownSaga saga) {
    OrganizationRequest requested = saga.requested();
    try {
      OrganizationDetailBody detail = reads.read(() -> ninjaOne.organization(org.id()));
      Map<String, Object> fields = reads.read(() -> ninjaOne.customFields(org.id()));
      List<String> policyIssues = DriftCheck.policies(requested.policiesOrEmpty(), detail.policiesOrEmpty());
      List<String> fieldIssues = drift.fields(requested.fieldsOrEmpty(), fields);
      Verdict verdict = policyIssues.isEmpty() && fieldIssues.isEmpty() ? Verdict.MATCHES : Verdict.DRIFTED;
      return verdict(org, saga, verdict, policyIssues, fieldIssues, null);
    } catch (RemoteCallException e) {
      // NinjaOne's own words (already trimmed) are what an operator needs to judge the failure.
      return verdict(org, saga, Verdict.UNREADABLE, List.of(), List.of(), e.getMessage());
    }
  }

  private static OrganizationVerdict verdict(
      OrganizationBody org, KnownSaga saga, Verdict verdict, List<String> policyIssues, List<String> fieldIssues,
      String error) {
    return new OrganizationVerdict(
        org.id(), org.name(), verdict, saga.sagaId(), saga.clientId(), saga.status().name(), policyIssues,
        fieldIssues, error);
  }
}
