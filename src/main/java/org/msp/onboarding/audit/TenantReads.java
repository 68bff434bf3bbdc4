package org.msp.onboarding.audit;

import java.util.List;
import java.util.Map;

/**
 * What the audit reads of the tenant in NinjaOne, in the audit's own terms. Reads only: a call can
 * be repeated freely. Each method is one NinjaOne call and may throw {@code RemoteCallException},
 * whose kind says whether a retry can help.
 */
public interface TenantReads {

  /** A location of an organization. */
  record Location(Long id, String name) {}

  /** The policy one node role of an organization is mapped to. */
  record PolicyMapping(long nodeRoleId, long policyId) {}

  /**
   * One organization as the listing shows it. {@code fields} is null when the tenant leaves custom
   * fields out of the listing (then {@link #customFields} reads them); the lists are never null.
   */
  record Organization(
      Long id,
      String name,
      Map<String, Object> fields,
      List<Location> locations,
      List<PolicyMapping> policies) {}

  /** One page of the listing and the cursor of the next one (null after the last page). */
  record Page(List<Organization> organizations, Long next) {}

  /**
   * The page of organizations after {@code cursor} (null: the first page), by ascending id. Fails
   * as a permanent error when a full page's cursor does not advance, so a listing never loops.
   */
  Page organizationsAfter(Long cursor);

  /** One organization's custom fields (empty when it has none). */
  Map<String, Object> customFields(long organizationId);
}
