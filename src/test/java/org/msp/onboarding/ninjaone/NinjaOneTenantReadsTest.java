package org.msp.onboarding.ninjaone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.audit.TenantReads.Location;
import org.msp.onboarding.audit.TenantReads.Organization;
import org.msp.onboarding.audit.TenantReads.Page;
import org.msp.onboarding.audit.TenantReads.PolicyMapping;
import org.msp.onboarding.ninjaone.dto.LocationBody;
import org.msp.onboarding.ninjaone.dto.OrganizationDetailedBody;
import org.msp.onboarding.ninjaone.dto.PolicyMappingBody;
import org.msp.onboarding.saga.RemoteCallException;

class NinjaOneTenantReadsTest {

  /** A client whose detailed listing answers one fixed page, with pages of two. */
  private static NinjaOneTenantReads readsOf(List<OrganizationDetailedBody> page) {
    NinjaOneClient client =
        new NinjaOneClient(null, null, null, null, null, null, 2) {
          @Override
          public List<OrganizationDetailedBody> organizationsDetailedAfter(Long after) {
            return page;
          }
        };
    return new NinjaOneTenantReads(client);
  }

  private static OrganizationDetailedBody org(long id) {
    return new OrganizationDetailedBody(id, "org " + id, null, null, null);
  }

  @Test
  void aShortPageIsTheLast() {
    assertNull(readsOf(List.of(org(5))).organizationsAfter(null).next());
  }

  @Test
  void aFullPageGivesItsLastIdAsTheNextCursor() {
    assertEquals(8L, readsOf(List.of(org(7), org(8))).organizationsAfter(3L).next());
  }

  @Test
  void aFullPageThatDoesNotMoveTheCursorFailsPermanently() {
    RemoteCallException e =
        assertThrows(
            RemoteCallException.class,
            () -> readsOf(List.of(org(7), org(8))).organizationsAfter(8L));
    assertEquals(RemoteCallException.Kind.PERMANENT, e.kind());
  }

  @Test
  void theAuditSeesLocationsPoliciesAndFieldsAndNeverANullList() {
    OrganizationDetailedBody detailed =
        new OrganizationDetailedBody(
            7L,
            "Acme",
            Map.of("tier", "gold"),
            List.of(new LocationBody(11L, "HQ", "1 Main St", null)),
            List.of(new PolicyMappingBody(1, 100)));
    Page page = readsOf(List.of(detailed, org(8))).organizationsAfter(null);
    assertEquals(
        List.of(
            new Organization(
                7L,
                "Acme",
                Map.of("tier", "gold"),
                List.of(new Location(11L, "HQ")),
                List.of(new PolicyMapping(1, 100))),
            new Organization(8L, "org 8", null, List.of(), List.of())),
        page.organizations());
  }
}
