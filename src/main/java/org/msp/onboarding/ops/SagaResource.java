package org.msp.onboarding.ops;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.msp.onboarding.runner.SagaRunner;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.ops.SagaViews.SagaDetail;
import org.msp.onboarding.ops.SagaViews.SagaPage;

/** Ops API v1: query sagas and act on them. */
@Path("/api/v1/sagas")
@Produces(MediaType.APPLICATION_JSON)
public class SagaResource {
  private final SagaQueries queries;
  private final SagaActions actions;
  private final SagaRunner runner;

  public SagaResource(SagaQueries queries, SagaActions actions, SagaRunner runner) {
    this.queries = queries;
    this.actions = actions;
    this.runner = runner;
  }

  @GET
  public SagaPage list(
      @QueryParam("status") String status,
      @QueryParam("clientId") String clientId,
      @QueryParam("pageSize") String pageSize,
      @QueryParam("after") String after) {
    return queries.list(
        QueryParameters.enumValue("status", status, SagaStatus.class),
        QueryParameters.text("clientId", clientId, 200),
        QueryParameters.intInRange("pageSize", pageSize, 1, 200, 50),
        after == null || after.isBlank() ? null : PageCursor.decode(after));
  }

  @GET
  @Path("/{id}")
  public SagaDetail get(@PathParam("id") String id) {
    return queries.get(sagaId(id));
  }

  @POST
  @Path("/{id}/retry")
  public Response retry(@PathParam("id") String id) {
    SagaDetail saga = actions.retry(sagaId(id));
    runner.wake();
    return Response.accepted(saga).build();
  }

  @POST
  @Path("/{id}/compensate")
  public Response compensate(@PathParam("id") String id) {
    SagaDetail saga = actions.compensate(sagaId(id));
    runner.wake();
    return Response.accepted(saga).build();
  }

  private static UUID sagaId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("no saga with id " + id + " (saga ids are UUIDs)");
    }
  }
}
