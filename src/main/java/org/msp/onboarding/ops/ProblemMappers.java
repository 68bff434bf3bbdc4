package org.msp.onboarding.ops;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the ops API is problem+json; an unexpected one says nothing of the internals. */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return respond(e.problem());
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
    return respond(new Problem("about:blank", "Internal Server Error", 500, "the request could not be completed", null));
  }

  static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
