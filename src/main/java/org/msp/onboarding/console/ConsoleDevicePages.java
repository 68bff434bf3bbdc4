package org.msp.onboarding.console;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.msp.onboarding.devices.OrganizationDevices.Decision;
import org.msp.onboarding.devices.PendingDeviceResource;
import org.msp.onboarding.web.Problem;
import org.msp.onboarding.web.ProblemException;
import org.msp.onboarding.web.Roles;

/**
 * The saga page's Approve and Reject buttons for a device waiting at one of its locations. They go
 * through the API's own resource (same checks, same audit) and come back to the saga's page with
 * the outcome as a notice.
 */
@Path("/console/devices")
public class ConsoleDevicePages {
  private final PendingDeviceResource api;
  private final SecurityIdentity identity;

  public ConsoleDevicePages(PendingDeviceResource api, SecurityIdentity identity) {
    this.api = api;
    this.identity = identity;
  }

  @POST
  @Path("/{deviceId}/approve")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED) // forms only (a browser sends Origin with them)
  @RolesAllowed(Roles.OPERATOR)
  public Response approve(
      @PathParam("deviceId") String deviceId, @FormParam("sagaId") String saga) {
    return decide(deviceId, Decision.APPROVE, saga, "approved");
  }

  @POST
  @Path("/{deviceId}/reject")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed(Roles.OPERATOR)
  public Response reject(@PathParam("deviceId") String deviceId, @FormParam("sagaId") String saga) {
    return decide(deviceId, Decision.REJECT, saga, "rejected");
  }

  private Response decide(String deviceId, Decision decision, String saga, String done) {
    String notice;
    try {
      Response answer = api.decideBy(deviceId, decision, identity.getPrincipal().getName());
      notice =
          answer.getStatus() == 200
              ? "Device " + deviceId + " " + done + " in NinjaOne."
              : ((Problem) answer.getEntity()).detail();
    } catch (ProblemException e) {
      notice = e.getMessage();
    }
    return Response.seeOther(URI.create(back(saga) + "?notice=" + ConsoleErrors.encode(notice)))
        .build();
  }

  /** Back to the saga's page; only a saga id is taken from the form, never a free address. */
  private static String back(String saga) {
    try {
      return ConsoleSignIn.SAGAS + "/" + UUID.fromString(saga == null ? "" : saga.trim());
    } catch (IllegalArgumentException e) {
      return ConsoleSignIn.SAGAS;
    }
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  Response signIn(RuntimeException e) {
    return ConsoleErrors.signIn(e);
  }

  @ServerExceptionMapper
  Response forbidden(ForbiddenException e) {
    return ConsoleErrors.forbidden("Approving devices needs the role " + Roles.OPERATOR + ".");
  }
}
