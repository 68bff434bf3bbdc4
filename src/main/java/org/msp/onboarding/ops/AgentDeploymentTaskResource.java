package org.msp.onboarding.ops;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.msp.onboarding.ops.SagaViews.DeploymentTaskList;
import org.msp.onboarding.web.ProblemException;
import org.msp.onboarding.web.Roles;

/** The agent-deployment tasks recorded by step 5. */
@Path("/api/v1/agent-deployment-tasks")
@Tag(name = "Agent deployment tasks")
@Produces(MediaType.APPLICATION_JSON)
public class AgentDeploymentTaskResource {
  private final SagaQueries queries;
  private final DeploymentTaskActions actions;

  public AgentDeploymentTaskResource(SagaQueries queries, DeploymentTaskActions actions) {
    this.queries = queries;
    this.actions = actions;
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  @Operation(
      operationId = "listAgentDeploymentTasks",
      summary = "List the recorded agent-deployment tasks with their installer links")
  @APIResponse(responseCode = "400", description = "a bad parameter, named in parameter")
  public DeploymentTaskList list(
      @Parameter(
              description = "only the tasks of this NinjaOne organization",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          @QueryParam("organizationId")
          String organizationId,
      @Parameter(
              description = "only tasks in this status",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"PENDING", "DEPLOYED", "CANCELLED"}))
          @QueryParam("status")
          String status,
      @Parameter(
              description = "true: only tasks still PENDING after the stale limit",
              schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
          @QueryParam("stale")
          String stale) {
    String wanted = status == null || status.isBlank() ? null : TaskStatus.parse("status", status);
    return queries.deploymentTasks(
        QueryParameters.positiveLong("organizationId", organizationId),
        wanted,
        QueryParameters.bool("stale", stale));
  }

  /** Body of the task update. */
  public record TaskUpdate(
      @Schema(
              required = true,
              enumeration = {"PENDING", "DEPLOYED", "CANCELLED"})
          String status) {}

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      operationId = "updateAgentDeploymentTask",
      summary = "Record an agent as installed, back to pending, or cancelled")
  @APIResponse(responseCode = "200", description = "the task as it is now")
  @APIResponse(responseCode = "400", description = "a bad status")
  @APIResponse(responseCode = "404", description = "no such task")
  @APIResponse(responseCode = "409", description = "the task was cancelled by a rollback")
  public SagaViews.DeploymentTaskView update(
      @Parameter(
              description = "the task's id",
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @PathParam("id")
          String id,
      TaskUpdate update) {
    if (update == null || update.status() == null) {
      throw ProblemException.badParameter(
          "status", "the body must be {\"status\": \"PENDING|DEPLOYED|CANCELLED\"}");
    }
    return actions.changeStatus(taskId(id), TaskStatus.parse("status", update.status()));
  }

  private static java.util.UUID taskId(String id) {
    try {
      return java.util.UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("no agent-deployment task with id " + id);
    }
  }
}
