package org.msp.onboarding.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of the REST API (ops, audit, tag jobs) is problem+json; an unexpected one says
 * nothing of the internals. Console pages map their own errors first.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return respond(e.problem());
  }

  /** No token, or one that does not verify: 401 with the Bearer challenge. */
  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e) {
    Response problem =
        respond(
            new Problem(
                "https://onboarding.msp/problems/unauthorized",
                "Unauthorized",
                401,
                "a valid bearer token (JWT) is required",
                null));
    return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return respond(
        new Problem(
            "https://onboarding.msp/problems/forbidden",
            "Forbidden",
            403,
            "this action needs the role " + Roles.OPERATOR,
            null));
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String title = e.getResponse().getStatusInfo().getReasonPhrase();
    return respond(new Problem("about:blank", title, status, e.getMessage(), null));
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.error("ops API request failed", e);
    return respond(
        new Problem(
            "about:blank",
            "Internal Server Error",
            500,
            "the request could not be completed",
            null));
  }

  static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
