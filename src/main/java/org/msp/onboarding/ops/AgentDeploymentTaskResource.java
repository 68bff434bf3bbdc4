package org.msp.onboarding.ops;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.msp.onboarding.ops.SagaViews.DeploymentTaskList;

/** The agent-deployment tasks recorded by step 5. */
@Path("/api/v1/agent-deployment-tasks")
@Produces(MediaType.APPLICATION_JSON)
public class AgentDeploymentTaskResource {
  private static final Set<String> STATUSES = Set.of("PENDING", "CANCELLED");

  private final SagaQueries queries;

  public AgentDeploymentTaskResource(SagaQueries queries) {
    this.queries = queries;
  }

  @GET
  public DeploymentTaskList list(
      @QueryParam("organizationId") String organizationId, @QueryParam("status") String status) {
    String wanted = status == null || status.isBlank() ? null : status.trim().toUpperCase();
    if (wanted != null && !STATUSES.contains(wanted)) {
      throw ProblemException.badParameter("status", "status must be one of PENDING, CANCELLED");
    }
    return queries.deploymentTasks(QueryParameters.positiveLong("organizationId", organizationId), wanted);
  }
}
