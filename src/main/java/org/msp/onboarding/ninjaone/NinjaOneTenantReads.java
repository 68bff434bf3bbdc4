package org.msp.onboarding.ninjaone;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.msp.onboarding.audit.TenantReads;
import org.msp.onboarding.ninjaone.dto.LocationBody;
import org.msp.onboarding.ninjaone.dto.OrganizationDetailedBody;
import org.msp.onboarding.ninjaone.dto.PolicyMappingBody;

/**
 * The audit's reads over {@link NinjaOneClient}: GET /v2/organizations-detailed page by page and an
 * organization's custom fields. Every call goes through the client, so the request budget, the
 * circuit and the error classification apply as to the sagas' calls.
 */
@ApplicationScoped
public class NinjaOneTenantReads implements TenantReads {
  private static final String LIST = "GET /v2/organizations-detailed";

  private final NinjaOneClient ninjaOne;

  public NinjaOneTenantReads(NinjaOneClient ninjaOne) {
    this.ninjaOne = ninjaOne;
  }

  @Override
  public Page organizationsAfter(Long cursor) {
    List<OrganizationDetailedBody> page = ninjaOne.organizationsDetailedAfter(cursor);
    // A short page is the last one; a full one must move the cursor on.
    Long next =
        page.size() < ninjaOne.organizationPageSize()
            ? null
            : OrganizationPaging.nextCursor(LIST, cursor, page.get(page.size() - 1).id());
    return new Page(page.stream().map(NinjaOneTenantReads::organization).toList(), next);
  }

  @Override
  public Map<String, Object> customFields(long organizationId) {
    return ninjaOne.customFields(organizationId);
  }

  private static Organization organization(OrganizationDetailedBody org) {
    return new Organization(
        org.id(),
        org.name(),
        org.fields(),
        org.locationsOrEmpty().stream().map(NinjaOneTenantReads::location).toList(),
        org.policiesOrEmpty().stream().map(NinjaOneTenantReads::policy).toList());
  }

  private static Location location(LocationBody location) {
    return new Location(location.id(), location.name());
  }

  private static PolicyMapping policy(PolicyMappingBody mapping) {
    return new PolicyMapping(mapping.nodeRoleId(), mapping.policyId());
  }
}
