package org.msp.onboarding.tagjobs;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.msp.onboarding.tagjobs.TagJobViews.JobDetail;
import org.msp.onboarding.tagjobs.TagJobViews.JobList;
import org.msp.onboarding.tagjobs.TagJobViews.JobSummary;
import org.msp.onboarding.web.ProblemException;
import org.msp.onboarding.web.Roles;

/**
 * Bulk tag updates on the ops API: each request becomes a persisted job run by {@link
 * TagJobWorker}.
 */
@Path("/api/v1/tag-jobs")
@Tag(name = "Tag jobs")
@Produces(MediaType.APPLICATION_JSON)
public class TagJobResource {
  private final TagJobQueries jobs;
  private final TagJobWorker worker;
  private final SecurityIdentity identity;

  public TagJobResource(TagJobQueries jobs, TagJobWorker worker, SecurityIdentity identity) {
    this.jobs = jobs;
    this.worker = worker;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      operationId = "createTagJob",
      summary = "Add and remove tags on the organizations a filter chooses, as a persisted job")
  @APIResponse(
      responseCode = "202",
      description = "accepted; the job as stored",
      content = @Content(schema = @Schema(implementation = JobSummary.class)))
  @APIResponse(responseCode = "400", description = "a bad field, named in parameter")
  public Response create(TagJobRequest request) {
    JobSummary job =
        jobs.create(TagJobRequestCheck.valid(request), identity.getPrincipal().getName());
    worker.wake();
    return Response.accepted(job).location(URI.create("/api/v1/tag-jobs/" + job.id())).build();
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  @Operation(operationId = "listTagJobs", summary = "The 50 newest tag jobs")
  @APIResponse(responseCode = "200", description = "the 50 newest jobs, newest first")
  public JobList list() {
    return jobs.recent(50);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  @Operation(operationId = "getTagJob", summary = "One tag job with a result per organization")
  @APIResponse(responseCode = "200", description = "the job with a result per organization")
  @APIResponse(responseCode = "404", description = "no such job")
  public JobDetail get(
      @Parameter(
              description = "the job's id",
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @PathParam("id")
          String id) {
    return jobs.get(jobId(id));
  }

  public static UUID jobId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("no tag job with id " + id);
    }
  }
}
