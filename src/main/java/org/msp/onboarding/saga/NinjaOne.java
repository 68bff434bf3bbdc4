package org.msp.onboarding.saga;

import java.util.List;
import java.util.Map;
import org.msp.onboarding.saga.request.PolicyRequest;

/**
 * The NinjaOne operations the saga needs. Every method throws {@link RemoteCallException} when the
 * call fails. Idempotency contract: PUT/PATCH-style methods may be repeated freely; the two create
 * methods are not idempotent on NinjaOne's side, so callers look for an earlier attempt's result
 * before repeating them.
 */
public interface NinjaOne {

  record Organization(long id, String name, Map<String, Object> userData, List<String> tags) {}

  /** {@code templateOrganizationId}: NinjaOne copies that organization's settings; may be null. */
  record NewOrganization(
      String name,
      String description,
      String nodeApprovalMode,
      List<String> tags,
      Map<String, Object> userData,
      Long templateOrganizationId) {}

  /** A PATCH of the organization: null fields are left as they are. */
  record OrganizationChange(
      String name,
      String description,
      String nodeApprovalMode,
      List<String> tags,
      Map<String, Object> userData) {}

  /** An organization as it stands, with its policy mapping (GET /v2/organization/{id}). */
  record OrganizationState(
      long id,
      String name,
      String description,
      String nodeApprovalMode,
      List<String> tags,
      Map<String, Object> userData,
      List<PolicyRequest> policies) {}

  record Location(long id, String name, String address, String description) {}

  record NewLocation(String name, String address, String description) {}

  long createOrganization(NewOrganization organization);

  /**
   * Pages through the whole tenant: every organization with this name (case-insensitive), oldest
   * first. Costly on a large tenant; the create step reads {@link OrganizationNames} instead and
   * asks this only after a 409.
   */
  List<Organization> organizationsNamed(String name);

  void changeOrganization(long organizationId, OrganizationChange change);

  /** The organization as it stands; a missing one is a PERMANENT failure with status 404. */
  OrganizationState readOrganization(long organizationId);

  List<Location> locations(long organizationId);

  long addLocation(long organizationId, NewLocation location);

  void changeLocation(long organizationId, long locationId, NewLocation location);

  void replacePolicies(long organizationId, List<PolicyRequest> mappings);

  Map<String, Object> customFields(long organizationId);

  void changeCustomFields(long organizationId, Map<String, Object> values);

  /**
   * Gives the organization a checklist per template (not idempotent: callers look for an earlier
   * attempt's checklists first); the ids of the checklists made.
   */
  List<Long> addChecklistsFromTemplates(long organizationId, List<Long> templateIds);

  /** The ids of the organization's checklists. */
  List<Long> checklistsOf(long organizationId);

  void deleteChecklists(List<Long> checklistIds);

  String installerUrl(long organizationId, long locationId, String installerType, Long nodeRoleId);

  /**
   * The tenant's node roles (id -> nodeClass, GET /v2/roles) and policies (id -> nodeClass, GET
   * /v2/policies): role ids are per tenant. Served from a cache; {@code fresh} asks for a re-read
   * because an id was not found (the cache limits how often that happens).
   */
  TenantCatalog catalog(boolean fresh);

  record TenantCatalog(Map<Long, String> roleClasses, Map<Long, String> policyClasses) {}
}
