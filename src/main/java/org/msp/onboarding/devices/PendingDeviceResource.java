package org.msp.onboarding.devices;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.msp.onboarding.devices.OrganizationDevices.Decision;
import org.msp.onboarding.devices.PendingDevices.PendingDeviceList;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.web.Problem;
import org.msp.onboarding.web.ProblemException;
import org.msp.onboarding.web.Roles;

/**
 * Devices waiting for approval (organizations with nodeApprovalMode MANUAL) at a location with an
 * open agent-deployment task, and the operator's decision on each.
 */
@Path("/api/v1/pending-devices")
@Tag(name = "Agent deployment tasks")
@Produces(MediaType.APPLICATION_JSON)
public class PendingDeviceResource {
  private final PendingDevices pending;
  private final DeviceApprovals approvals;

  public PendingDeviceResource(PendingDevices pending, DeviceApprovals approvals) {
    this.pending = pending;
    this.approvals = approvals;
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  @Operation(
      operationId = "listPendingDevices",
      summary = "List the devices waiting for approval at locations with an open task")
  @APIResponse(responseCode = "400", description = "a bad organizationId")
  public PendingDeviceList list(
      @Parameter(
              description = "only the waiting devices of this NinjaOne organization",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          @QueryParam("organizationId")
          String organizationId) {
    return new PendingDeviceList(pending.list(organization(organizationId)));
  }

  @POST
  @Path("/{deviceId}/approve")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      operationId = "approvePendingDevice",
      summary = "Approve a waiting device in NinjaOne (audit-logged)")
  @APIResponse(responseCode = "200", description = "approved in NinjaOne")
  @APIResponse(
      responseCode = "404",
      description = "no such device waiting at a location with an open task")
  @APIResponse(responseCode = "502", description = "NinjaOne did not take the decision")
  public Response approve(@PathParam("deviceId") String deviceId, @Context SecurityContext who) {
    return decide(deviceId, Decision.APPROVE, who);
  }

  @POST
  @Path("/{deviceId}/reject")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      operationId = "rejectPendingDevice",
      summary = "Reject a waiting device in NinjaOne (audit-logged)")
  @APIResponse(responseCode = "200", description = "rejected in NinjaOne")
  @APIResponse(
      responseCode = "404",
      description = "no such device waiting at a location with an open task")
  @APIResponse(responseCode = "502", description = "NinjaOne did not take the decision")
  public Response reject(@PathParam("deviceId") String deviceId, @Context SecurityContext who) {
    return decide(deviceId, Decision.REJECT, who);
  }

  /** The decision on behalf of this operator (the console's buttons too). */
  public Response decideBy(String deviceId, Decision decision, String operator) {
    try {
      return Response.ok(approvals.decide(device(deviceId), decision, operator)).build();
    } catch (RemoteCallException e) {
      Problem problem =
          new Problem(
              "https://onboarding.msp/problems/ninjaone-unavailable",
              "NinjaOne unavailable",
              502,
              "NinjaOne did not take the decision (try again): " + e.getMessage(),
              null);
      return Response.status(502).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
  }

  private Response decide(String deviceId, Decision decision, SecurityContext who) {
    return decideBy(deviceId, decision, who.getUserPrincipal().getName());
  }

  private static long device(String id) {
    try {
      long value = Long.parseLong(id);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.notFound("no device " + id + " is waiting for approval");
  }

  private static Long organization(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(value.trim());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badParameter(
        "organizationId", "organizationId must be a positive integer");
  }
}
