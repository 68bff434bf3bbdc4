package org.msp.onboarding.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.msp.onboarding.console.ConsoleViews.DeadLetterFilters;
import org.msp.onboarding.console.ConsoleViews.DeadLetterListView;
import org.msp.onboarding.deadletters.DeadLetterResource;
import org.msp.onboarding.deadletters.DeadLetterViews.DeadLetterDetail;
import org.msp.onboarding.deadletters.DeadLetterViews.DeadLetterPage;
import org.msp.onboarding.deadletters.DeadLetterViews.DeadLetterPageInfo;
import org.msp.onboarding.deadletters.DeadLetterViews.ReplayView;
import org.msp.onboarding.messaging.DeadLetterReasonCode;
import org.msp.onboarding.messaging.Topics;
import org.msp.onboarding.web.ProblemException;
import org.msp.onboarding.web.Roles;

/**
 * The dead letters and one letter with its replay. Reads and the replay go through the API's own
 * resource, so the console applies exactly its validation and roles.
 */
@Path("/console/dead-letters")
@Produces(MediaType.TEXT_HTML)
public class ConsoleDeadLetterPages {
  static final String LETTERS = "/console/dead-letters";
  static final int PAGE_SIZE = 25;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance deadLetters(ConsoleUser user, DeadLetterListView view);

    static native TemplateInstance deadLetter(
        ConsoleUser user, DeadLetterDetail detail, String correction, String notice);
  }

  private final DeadLetterResource api;
  private final SecurityIdentity identity;

  public ConsoleDeadLetterPages(DeadLetterResource api, SecurityIdentity identity) {
    this.api = api;
    this.identity = identity;
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  public TemplateInstance list(
      @QueryParam("clientId") String clientId,
      @QueryParam("reason") String reason,
      @QueryParam("after") String after,
      @QueryParam("notice") String notice) {
    DeadLetterFilters filters = new DeadLetterFilters(clientId, reason);
    DeadLetterPage page;
    try {
      page = api.list(clientId, reason, Integer.toString(PAGE_SIZE), after);
    } catch (ProblemException e) {
      page = new DeadLetterPage(List.of(), new DeadLetterPageInfo(false, null));
      notice = e.getMessage();
    }
    DeadLetterListView view =
        new DeadLetterListView(
            filters,
            DeadLetterReasonCode.ALL,
            page.deadLetters(),
            page.pageInfo().hasNextPage() ? filters.link(page.pageInfo().endCursor()) : null,
            after == null || after.isBlank() ? null : filters.link(null),
            notice);
    return Templates.deadLetters(ConsoleUser.of(identity), view);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  public Response letter(@PathParam("id") String id, @QueryParam("notice") String notice) {
    try {
      DeadLetterDetail detail = api.get(id);
      return Response.ok(
              Templates.deadLetter(ConsoleUser.of(identity), detail, detail.body(), notice))
          .build();
    } catch (ProblemException e) {
      return backToList(e.getMessage());
    }
  }

  /**
   * Without a {@code body} field (the "as it was" button) the letter's own body is replayed; with
   * one, that body. A body the API refuses comes back in the form, with the reason.
   */
  @POST
  @Path("/{id}/replay")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED) // forms only (a browser sends Origin with them)
  @RolesAllowed(Roles.OPERATOR)
  public Response replay(@PathParam("id") String id, @FormParam("body") String body) {
    try {
      if (body != null && body.isBlank()) {
        throw ProblemException.unprocessable("body", "the corrected body is empty");
      }
      byte[] corrected = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
      ReplayView done = api.replayBy(id, corrected, identity.getPrincipal().getName());
      String notice =
          "Replayed to "
              + Topics.REQUESTS
              + " (partition "
              + done.requestPartition()
              + ", offset "
              + done.requestOffset()
              + ") as event "
              + done.eventId()
              + ".";
      return Response.seeOther(
              URI.create(
                  LETTERS
                      + "/"
                      + ConsoleErrors.encode(id)
                      + "?notice="
                      + ConsoleErrors.encode(notice)))
          .build();
    } catch (ProblemException e) {
      if (e.problem().status() != 422) {
        return backToList(e.getMessage());
      }
      DeadLetterDetail detail = api.get(id);
      return Response.status(422)
          .type(MediaType.TEXT_HTML_TYPE)
          .entity(
              Templates.deadLetter(
                  ConsoleUser.of(identity),
                  detail,
                  body == null ? detail.body() : body,
                  e.getMessage()))
          .build();
    }
  }

  private static Response backToList(String notice) {
    return Response.seeOther(URI.create(LETTERS + "?notice=" + ConsoleErrors.encode(notice)))
        .build();
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  Response signIn(RuntimeException e) {
    return ConsoleErrors.signIn(e);
  }

  @ServerExceptionMapper
  Response forbidden(ForbiddenException e) {
    return ConsoleErrors.forbidden(
        "Replaying a dead letter needs the role " + Roles.OPERATOR + ".");
  }
}
