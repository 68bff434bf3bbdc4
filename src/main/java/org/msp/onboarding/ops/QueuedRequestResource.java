package org.msp.onboarding.ops;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.msp.onboarding.persistence.SagaIntakeStore;
import org.msp.onboarding.web.Roles;

/**
 * Requests waiting for their client's earlier saga to end; each starts (or is dead-lettered with
 * the reason) when its turn comes.
 */
@Path("/api/v1/queued-requests")
@Tag(name = "Sagas")
@Produces(MediaType.APPLICATION_JSON)
public class QueuedRequestResource {
  private static final int LIMIT = 500;

  private final SagaIntakeStore store;

  public QueuedRequestResource(SagaIntakeStore store) {
    this.store = store;
  }

  public record QueuedRequests(List<SagaIntakeStore.Waiting> requests) {}

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  @Operation(
      operationId = "listQueuedRequests",
      summary = "List the requests waiting for their client's earlier saga, in the order they run")
  public QueuedRequests list(
      @Parameter(
              description = "only this client's requests",
              schema = @Schema(type = SchemaType.STRING, maxLength = 200))
          @QueryParam("clientId")
          String clientId) {
    return new QueuedRequests(
        store.waiting(clientId == null || clientId.isBlank() ? null : clientId, LIMIT));
  }
}
