package org.msp.onboarding.ninjaone;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.msp.onboarding.ninjaone.dto.DeviceIdListBody;
import org.msp.onboarding.ninjaone.dto.InstallerBody;
import org.msp.onboarding.ninjaone.dto.LocationBody;
import org.msp.onboarding.ninjaone.dto.OrganizationBody;
import org.msp.onboarding.ninjaone.dto.PolicyMappingBody;

/**
 * NinjaOne Public API v2: exactly the endpoints onboarding uses. Every method answers the raw
 * Response, because {@link NinjaOneClient} classifies status, headers and body itself (a throttle
 * can answer 200 with HTML).
 */
@RegisterRestClient(configKey = "ninjaone")
@RegisterClientHeaders(BearerTokenHeaders.class)
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface NinjaOneApi {

  /** A bare array; {@code after} is the last organization id of the previous page. */
  @GET
  @Path("/organizations")
  Response organizations(@QueryParam("pageSize") int pageSize, @QueryParam("after") Long after);

  /**
   * The same paging; each item NinjaOne's OrganizationDetailed (with locations, policies and
   * fields).
   */
  @GET
  @Path("/organizations-detailed")
  Response organizationsDetailed(
      @QueryParam("pageSize") int pageSize, @QueryParam("after") Long after);

  @POST
  @Path("/organizations")
  Response createOrganization(
      @QueryParam("templateOrganizationId") Long templateOrganizationId,
      OrganizationBody organization);

  /**
   * NinjaOne's OrganizationDetailed: the organization with its locations and its policy mapping.
   * Read by tag jobs (tags before a change, and again to verify it).
   */
  @GET
  @Path("/organization/{id}")
  Response organization(@PathParam("id") long organizationId);

  @PATCH
  @Path("/organization/{id}")
  Response updateOrganization(@PathParam("id") long organizationId, OrganizationBody change);

  @GET
  @Path("/organization/{id}/locations")
  Response locations(@PathParam("id") long organizationId);

  @POST
  @Path("/organization/{id}/locations")
  Response addLocation(@PathParam("id") long organizationId, LocationBody location);

  @PATCH
  @Path("/organization/{id}/locations/{locationId}")
  Response updateLocation(
      @PathParam("id") long organizationId,
      @PathParam("locationId") long locationId,
      LocationBody change);

  @PUT
  @Path("/organization/{id}/policies")
  Response replacePolicies(@PathParam("id") long organizationId, List<PolicyMappingBody> mappings);

  @GET
  @Path("/organization/{id}/custom-fields")
  Response customFields(@PathParam("id") long organizationId);

  @PATCH
  @Path("/organization/{id}/custom-fields")
  Response updateCustomFields(@PathParam("id") long organizationId, Map<String, Object> values);

  @GET
  @Path("/organization/{id}/location/{locationId}/installer/{installerType}")
  Response installer(
      @PathParam("id") long organizationId,
      @PathParam("locationId") long locationId,
      @PathParam("installerType") String installerType);

  @POST
  @Path("/organization/generate-installer")
  Response generateInstaller(InstallerBody request);

  /** The tenant's node roles: NodeRole {id, name, nodeClass, custom, ...}. */
  @GET
  @Path("/roles")
  Response roles();

  /** The tenant's policies: Policy {id, parentPolicyId, name, nodeClass, ...}. */
  /** NinjaOne's onboarding checklists: the organization gets one per template. */
  @POST
  @Path("/organization/{id}/checklists-from-templates")
  Response addChecklistsFromTemplates(@PathParam("id") long organizationId, List<Long> templateIds);

  @GET
  @Path("/organization/checklists")
  Response checklists(@QueryParam("organizationIds") String organizationIds);

  @POST
  @Path("/organization/checklists/delete")
  Response deleteChecklists(List<Long> checklistIds);

  @GET
  @Path("/policies")
  Response policies();

  // ---- devices: agent deployments confirmed by the devices that enrolled ----

  /**
   * A bare array of NodeWithDetailedReferences; {@code after} is the last device id of the previous
   * page.
   */
  @GET
  @Path("/organization/{id}/devices")
  Response organizationDevices(
      @PathParam("id") long organizationId,
      @QueryParam("pageSize") int pageSize,
      @QueryParam("after") Long after);

  /**
   * Approves or rejects devices waiting for approval; mode APPROVE or REJECT. No body described.
   */
  @POST
  @Path("/devices/approval/{mode}")
  Response deviceApproval(@PathParam("mode") String mode, DeviceIdListBody devices);
}
