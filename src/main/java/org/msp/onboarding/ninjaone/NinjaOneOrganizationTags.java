package org.msp.onboarding.ninjaone;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.msp.onboarding.saga.NinjaOne.OrganizationChange;
import org.msp.onboarding.tagjobs.OrganizationTags;

/**
 * The tag jobs' reads and writes over {@link NinjaOneClient}: the full organization listing, GET
 * and PATCH of one organization. Every call goes through the client, so the request budget, the
 * circuit and the error classification apply as to the sagas' calls.
 */
@ApplicationScoped
public class NinjaOneOrganizationTags implements OrganizationTags {
  private final NinjaOneClient ninjaOne;

  public NinjaOneOrganizationTags(NinjaOneClient ninjaOne) {
    this.ninjaOne = ninjaOne;
  }

  @Override
  public List<Organization> all() {
    return ninjaOne.allOrganizations().stream()
        .map(org -> new Organization(org.id(), org.name(), org.tags()))
        .toList();
  }

  @Override
  public List<String> tags(long organizationId) {
    return ninjaOne.organization(organizationId).tagsOrEmpty();
  }

  @Override
  public void replace(long organizationId, List<String> tags) {
    // Only the tags: the PATCH leaves out what is null.
    ninjaOne.changeOrganization(
        organizationId, new OrganizationChange(null, null, null, tags, null));
  }
}
