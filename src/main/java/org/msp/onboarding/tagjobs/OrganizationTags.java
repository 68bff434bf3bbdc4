package org.msp.onboarding.tagjobs;

import java.util.List;

/**
 * What a tag job reads and writes in NinjaOne: the tenant's organizations with their tags, and one
 * organization's tag list. Each method may throw {@code RemoteCallException}, whose kind says
 * whether a retry can help.
 */
public interface OrganizationTags {

  /** An organization as a job's filter sees it; {@code tags} is null when NinjaOne sends none. */
  record Organization(Long id, String name, List<String> tags) {}

  /** Every organization of the tenant, read page by page to the end. */
  List<Organization> all();

  /** The organization's tags as NinjaOne holds them now (empty when it has none). */
  List<String> tags(long organizationId);

  /**
   * Replaces the organization's whole tag list (NinjaOne has no add or remove of one tag). Sending
   * the same list again changes nothing, so a call whose answer was lost can simply be repeated.
   */
  void replace(long organizationId, List<String> tags);
}
