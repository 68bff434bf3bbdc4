package org.msp.onboarding.ops;

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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.msp.onboarding.ops.SagaViews.SagaDetail;
import org.msp.onboarding.ops.SagaViews.SagaPage;
import org.msp.onboarding.runner.SagaRunner;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.web.ProblemException;
import org.msp.onboarding.web.Roles;

/** Ops API v1: query sagas and act on them. */
@Path("/api/v1/sagas")
@Tag(name = "Sagas")
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
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  @Operation(operationId = "listSagas", summary = "List sagas, newest first, a page at a time")
  @APIResponse(responseCode = "200", description = "a page of sagas, newest first")
  @APIResponse(responseCode = "400", description = "a bad parameter, named in parameter")
  public SagaPage list(
      @Parameter(
              description = "only sagas in this status",
              schema = @Schema(implementation = SagaStatus.class))
          @QueryParam("status")
          String status,
      @Parameter(
              description = "only this client's sagas (its CRM id)",
              schema = @Schema(type = SchemaType.STRING, maxLength = 200))
          @QueryParam("clientId")
          String clientId,
      @Parameter(
              description = "only sagas whose organization name contains this text (any case)",
              schema = @Schema(type = SchemaType.STRING, maxLength = 200))
          @QueryParam("organizationName")
          String organizationName,
      @Parameter(
              description = "true: only stuck and halted sagas",
              schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
          @QueryParam("stuck")
          String stuck,
      @Parameter(
              description = "sagas per page",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "200",
                      defaultValue = "50"))
          @QueryParam("pageSize")
          String pageSize,
      @Parameter(
              description = "the previous page's pageInfo.endCursor",
              schema = @Schema(type = SchemaType.STRING, maxLength = 200))
          @QueryParam("after")
          String after) {
    return queries.list(
        QueryParameters.enumValue("status", status, SagaStatus.class),
        QueryParameters.text("clientId", clientId, 200),
        QueryParameters.text("organizationName", organizationName, 200),
        QueryParameters.bool("stuck", stuck),
        QueryParameters.intInRange("pageSize", pageSize, 1, 200, 50),
        after == null || after.isBlank() ? null : PageCursor.decode(after));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  @Operation(operationId = "getSaga", summary = "One saga with its steps")
  @APIResponse(responseCode = "200", description = "the saga with its steps")
  @APIResponse(responseCode = "404", description = "no such saga")
  public SagaDetail get(
      @Parameter(
              description = "the saga's id",
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @PathParam("id")
          String id) {
    return queries.get(sagaId(id));
  }

  @POST
  @Path("/{id}/retry")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      operationId = "retrySaga",
      summary = "Run a waiting or halted saga's step now, or resume a FAILED rollback")
  @APIResponse(
      responseCode = "202",
      description = "accepted; the saga as it is now",
      content = @Content(schema = @Schema(implementation = SagaDetail.class)))
  @APIResponse(responseCode = "404", description = "no such saga")
  @APIResponse(responseCode = "409", description = "not allowed in the saga's state")
  public Response retry(
      @Parameter(
              description = "the saga's id",
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @PathParam("id")
          String id) {
    SagaDetail saga = actions.retry(sagaId(id));
    runner.wake();
    return Response.accepted(saga).build();
  }

  @POST
  @Path("/{id}/compensate")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(operationId = "compensateSaga", summary = "Roll a saga back on an operator's word")
  @APIResponse(
      responseCode = "202",
      description = "accepted; the saga as it is now",
      content = @Content(schema = @Schema(implementation = SagaDetail.class)))
  @APIResponse(responseCode = "404", description = "no such saga")
  @APIResponse(responseCode = "409", description = "not allowed in the saga's state")
  public Response compensate(
      @Parameter(
              description = "the saga's id",
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @PathParam("id")
          String id) {
    SagaDetail saga = actions.compensate(sagaId(id));
    runner.wake();
    return Response.accepted(saga).build();
  }

  @POST
  @Path("/{id}/rerun")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      operationId = "rerunSaga",
      summary = "Run a COMPENSATED saga's request again as a new saga")
  @APIResponse(
      responseCode = "201",
      description = "a new saga from the same request; Location names it",
      content = @Content(schema = @Schema(implementation = SagaDetail.class)))
  @APIResponse(responseCode = "404", description = "no such saga")
  @APIResponse(
      responseCode = "409",
      description =
          "the saga is not COMPENSATED, or its client has a saga running or completed meanwhile")
  public Response rerun(
      @Parameter(
              description = "the saga's id",
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @PathParam("id")
          String id,
      @Context SecurityContext security) {
    SagaDetail saga = rerunBy(id, security.getUserPrincipal().getName());
    return Response.created(URI.create("/api/v1/sagas/" + saga.id())).entity(saga).build();
  }

  /** The rerun on behalf of this operator (the console's button too); the new saga. */
  public SagaDetail rerunBy(String id, String operator) {
    SagaDetail saga = actions.rerun(sagaId(id), operator);
    runner.wake();
    return saga;
  }

  private static UUID sagaId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("no saga with id " + id + " (saga ids are UUIDs)");
    }
  }
}
