package org.msp.onboarding.ninjaone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.ninjaone.dto.OrganizationBody;
import org.msp.onboarding.ninjaone.dto.OrganizationDetailBody;
import org.msp.onboarding.saga.NinjaOne.OrganizationChange;
import org.msp.onboarding.tagjobs.OrganizationTags.Organization;

class NinjaOneOrganizationTagsTest {
  private final List<OrganizationChange> patches = new ArrayList<>();

  /** A client holding one organization without tags and one with, recording every PATCH. */
  private final NinjaOneClient client =
      new NinjaOneClient(null, null, null, null, null, null, 100) {
        @Override
        public List<OrganizationBody> allOrganizations() {
          return List.of(
              new OrganizationBody(7L, "Acme", "d", null, null, null),
              new OrganizationBody(8L, "Beta", null, null, null, List.of("gold")));
        }

        @Override
        public OrganizationDetailBody organization(long organizationId) {
          return new OrganizationDetailBody(organizationId, "Acme", null, null, null, null, null);
        }

        @Override
        public void changeOrganization(long organizationId, OrganizationChange change) {
          patches.add(change);
        }
      };

  private final NinjaOneOrganizationTags tags = new NinjaOneOrganizationTags(client);

  @Test
  void theListingKeepsIdNameAndTagsAsNinjaOneSentThem() {
    assertEquals(
        List.of(new Organization(7L, "Acme", null), new Organization(8L, "Beta", List.of("gold"))),
        tags.all());
  }

  @Test
  void anOrganizationWithoutTagsReadsAsAnEmptyList() {
    assertEquals(List.of(), tags.tags(7L));
  }

  @Test
  void replacingTagsPatchesNothingElse() {
    tags.replace(7L, List.of("gold", "vip"));
    assertEquals(
        List.of(new OrganizationChange(null, null, null, List.of("gold", "vip"), null)), patches);
  }
}
