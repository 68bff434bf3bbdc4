package org.msp.onboarding.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.msp.onboarding.console.ConsoleViews.SagaListView;
import org.msp.onboarding.console.ConsoleViews.SagaView;
import org.msp.onboarding.devices.PendingDevices;
import org.msp.onboarding.ops.SagaResource;
import org.msp.onboarding.ops.SagaViews.PageInfo;
import org.msp.onboarding.ops.SagaViews.SagaDetail;
import org.msp.onboarding.ops.SagaViews.SagaPage;
import org.msp.onboarding.web.ProblemException;
import org.msp.onboarding.web.Roles;

/**
 * The saga list and saga view. Reads and actions go through the ops API's own resource, so the
 * console applies exactly the API's validation, state rules and roles.
 */
@Path("/console/sagas")
@Produces(MediaType.TEXT_HTML)
public class ConsoleSagaPages {
  static final int PAGE_SIZE = 25;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance sagas(ConsoleUser user, SagaListView view);

    static native TemplateInstance saga(ConsoleUser user, SagaView view);
  }

  private final SagaResource api;
  private final ConsoleQueries queries;
  private final NinjaOneLinks links;
  private final ConsoleConfig config;
  private final SecurityIdentity identity;
  private final PendingDevices pendingDevices;

  public ConsoleSagaPages(
      SagaResource api,
      ConsoleQueries queries,
      NinjaOneLinks links,
      ConsoleConfig config,
      SecurityIdentity identity,
      PendingDevices pendingDevices) {
    this.api = api;
    this.queries = queries;
    this.links = links;
    this.config = config;
    this.identity = identity;
    this.pendingDevices = pendingDevices;
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  public TemplateInstance list(
      @QueryParam("status") String status,
      @QueryParam("clientId") String clientId,
      @QueryParam("organizationName") String organizationName,
      @QueryParam("after") String after,
      @QueryParam("notice") String notice) {
    ConsoleViews.Filters filters = new ConsoleViews.Filters(status, clientId, organizationName);
    SagaPage page;
    try {
      page = api.list(status, clientId, organizationName, null, Integer.toString(PAGE_SIZE), after);
    } catch (ProblemException e) {
      page = new SagaPage(List.of(), new PageInfo(false, null));
      notice = e.getMessage();
    }
    SagaListView view =
        new SagaListView(
            queries.countsByStatus(),
            filters,
            page.sagas(),
            page.pageInfo().hasNextPage() ? filters.link(page.pageInfo().endCursor()) : null,
            after == null || after.isBlank() ? null : filters.link(null),
            notice,
            config.refreshSeconds());
    return Templates.sagas(ConsoleUser.of(identity), view);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  public Response saga(@PathParam("id") String id, @QueryParam("notice") String notice) {
    SagaDetail saga;
    try {
      saga = api.get(id);
    } catch (ProblemException e) {
      return Response.seeOther(
              URI.create(ConsoleSignIn.SAGAS + "?notice=" + ConsoleErrors.encode(e.getMessage())))
          .build();
    }
    ConsoleUser user = ConsoleUser.of(identity);
    SagaView view =
        new SagaView(
            saga,
            links.organization(saga.organizationId()),
            queries.attempts(saga.id()),
            queries.tasks(saga.id()),
            user.operator() && retryable(saga),
            user.operator() && compensable(saga),
            user.operator() && "COMPENSATED".equals(saga.status()),
            notice,
            config.refreshSeconds(),
            saga.organizationId() == null ? List.of() : pendingDevices.list(saga.organizationId()),
            user.operator());
    return Response.ok(Templates.saga(user, view)).build();
  }

  @POST
  @Path("/{id}/retry")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED) // forms only (a browser sends Origin with them)
  @RolesAllowed(Roles.OPERATOR)
  public Response retry(@PathParam("id") String id) {
    return act(id, () -> api.retry(id), "Retry requested.");
  }

  @POST
  @Path("/{id}/compensate")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed(Roles.OPERATOR)
  public Response compensate(@PathParam("id") String id) {
    return act(id, () -> api.compensate(id), "Rollback requested.");
  }

  @POST
  @Path("/{id}/rerun")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed(Roles.OPERATOR)
  public Response rerun(@PathParam("id") String id) {
    try {
      SagaDetail again = api.rerunBy(id, identity.getPrincipal().getName());
      return Response.seeOther(
              URI.create(
                  ConsoleSignIn.SAGAS
                      + "/"
                      + again.id()
                      + "?notice="
                      + ConsoleErrors.encode("A new saga runs the request of saga " + id + ".")))
          .build();
    } catch (ProblemException e) {
      return act(id, () -> {}, e.getMessage());
    }
  }

  /** The API's 404/409 become a notice on the saga's page rather than an error page. */
  private Response act(String id, Runnable action, String done) {
    String notice = done;
    try {
      action.run();
    } catch (ProblemException e) {
      notice = e.getMessage();
    }
    return Response.seeOther(
            URI.create(
                ConsoleSignIn.SAGAS
                    + "/"
                    + ConsoleErrors.encode(id)
                    + "?notice="
                    + ConsoleErrors.encode(notice)))
        .build();
  }

  /** As SagaActions.retry allows: FAILED, or an unfinished saga waiting for its next attempt. */
  static boolean retryable(SagaDetail saga) {
    boolean waiting = saga.nextAttemptAt() != null && saga.nextAttemptAt().isAfter(Instant.now());
    return "FAILED".equals(saga.status()) || waiting;
  }

  /** As SagaActions.compensate allows. */
  static boolean compensable(SagaDetail saga) {
    return List.of("RUNNING", "COMPLETED", "FAILED").contains(saga.status());
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  Response signIn(RuntimeException e) {
    return ConsoleErrors.signIn(e);
  }

  @ServerExceptionMapper
  Response forbidden(ForbiddenException e) {
    return ConsoleErrors.forbidden("Retry and rollback need the role " + Roles.OPERATOR + ".");
  }
}
