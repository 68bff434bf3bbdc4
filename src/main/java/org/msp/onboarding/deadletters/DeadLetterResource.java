package org.msp.onboarding.deadletters;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.msp.onboarding.deadletters.DeadLetterViews.DeadLetterDetail;
import org.msp.onboarding.deadletters.DeadLetterViews.DeadLetterPage;
import org.msp.onboarding.deadletters.DeadLetterViews.ReplayView;
import org.msp.onboarding.web.ProblemException;
import org.msp.onboarding.web.Roles;

/** Ops API v1: the dead-letter topic's letters, and their replay. */
@Path("/api/v1/dead-letters")
@Tag(name = "Dead letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
  private static final int MAX_TEXT = 200;
  private static final int MAX_CURSOR = 2000;

  private final DeadLetterQueries queries;
  private final DeadLetterReplays replays;
  private final SecurityIdentity identity;

  public DeadLetterResource(
      DeadLetterQueries queries, DeadLetterReplays replays, SecurityIdentity identity) {
    this.queries = queries;
    this.replays = replays;
    this.identity = identity;
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  @Operation(
      operationId = "listDeadLetters",
      summary = "List the dead-letter topic's letters, newest first, a page at a time")
  @APIResponse(responseCode = "200", description = "a page of dead letters, newest first")
  @APIResponse(responseCode = "400", description = "a bad parameter, named in parameter")
  @APIResponse(responseCode = "503", description = "the dead-letter topic could not be read")
  public DeadLetterPage list(
      @Parameter(
              description = "only letters with this record key (the client's CRM id)",
              schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT))
          @QueryParam("clientId")
          String clientId,
      @Parameter(
              description = "a reason code (any case), or the start of the reason's text",
              schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT))
          @QueryParam("reason")
          String reason,
      @Parameter(
              description = "letters per page",
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
              schema = @Schema(type = SchemaType.STRING, maxLength = MAX_CURSOR))
          @QueryParam("after")
          String after) {
    String cursor = text("after", after, MAX_CURSOR);
    return queries.list(
        new DeadLetterFilter(
            text("clientId", clientId, MAX_TEXT), text("reason", reason, MAX_TEXT)),
        pageSize(pageSize),
        cursor == null ? null : TopicCursor.decode(cursor));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  @Operation(operationId = "getDeadLetter", summary = "One dead letter with its body and headers")
  @APIResponse(responseCode = "200", description = "the letter with its whole body and headers")
  @APIResponse(responseCode = "404", description = "no such dead letter")
  public DeadLetterDetail get(@PathParam("id") String id) {
    return queries.get(DeadLetterId.parse(id));
  }

  /**
   * The request body, when there is one, is the corrected event (JSON) to publish instead of the
   * letter's own body.
   */
  @POST
  @Path("/{id}/replay")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      operationId = "replayDeadLetter",
      summary = "Publish a dead letter's request again, as it was or corrected")
  @APIResponse(
      responseCode = "202",
      description = "published to the request topic; the replay as recorded",
      content = @Content(schema = @Schema(implementation = ReplayView.class)))
  @APIResponse(responseCode = "404", description = "no such dead letter")
  @APIResponse(
      responseCode = "409",
      description = "the letter keeps only part of its record: a corrected body is needed")
  @APIResponse(
      responseCode = "422",
      description = "the body is not a valid request (nothing published); detail says why")
  @APIResponse(responseCode = "403", description = "the token lacks the operator role")
  public Response replay(@PathParam("id") String id, byte[] body) {
    return Response.accepted(replayBy(id, body, identity.getPrincipal().getName())).build();
  }

  /** The replay on behalf of this operator (the console's button too). */
  public ReplayView replayBy(String id, byte[] correctedBody, String operator) {
    return replays.replay(DeadLetterId.parse(id), correctedBody, operator);
  }

  private static int pageSize(String value) {
    if (value == null || value.isBlank()) {
      return 50;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= 1 && parsed <= 200) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badParameter(
        "pageSize", "pageSize must be a whole number from 1 to 200");
  }

  private static String text(String name, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > maxLength) {
      throw ProblemException.badParameter(
          name, name + " must be at most " + maxLength + " characters");
    }
    return value.strip();
  }
}
