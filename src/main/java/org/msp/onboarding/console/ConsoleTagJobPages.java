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
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.msp.onboarding.tagjobs.TagFilter;
import org.msp.onboarding.tagjobs.TagJobRequest;
import org.msp.onboarding.tagjobs.TagJobResource;
import org.msp.onboarding.tagjobs.TagJobViews.JobDetail;
import org.msp.onboarding.tagjobs.TagJobViews.JobList;
import org.msp.onboarding.tagjobs.TagJobViews.JobSummary;
import org.msp.onboarding.web.ProblemException;
import org.msp.onboarding.web.Roles;

/**
 * Bulk tag jobs: the form (operators only), the recent jobs, and one job's per-organization
 * results.
 */
@Path("/console/tag-jobs")
@Produces(MediaType.TEXT_HTML)
public class ConsoleTagJobPages {
  static final String JOBS = "/console/tag-jobs";

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance tagJobs(ConsoleUser user, JobList jobs, String notice);

    static native TemplateInstance tagJob(
        ConsoleUser user, JobDetail detail, NinjaOneLinks links, int refreshSeconds);
  }

  private final TagJobResource api;
  private final NinjaOneLinks links;
  private final ConsoleConfig config;
  private final SecurityIdentity identity;

  public ConsoleTagJobPages(
      TagJobResource api, NinjaOneLinks links, ConsoleConfig config, SecurityIdentity identity) {
    this.api = api;
    this.links = links;
    this.config = config;
    this.identity = identity;
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  public TemplateInstance jobs(@QueryParam("notice") String notice) {
    return Templates.tagJobs(ConsoleUser.of(identity), api.list(), notice);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  public Response job(@PathParam("id") String id) {
    try {
      return Response.ok(
              Templates.tagJob(
                  ConsoleUser.of(identity), api.get(id), links, config.refreshSeconds()))
          .build();
    } catch (ProblemException e) {
      return Response.seeOther(URI.create(JOBS + "?notice=" + ConsoleErrors.encode(e.getMessage())))
          .build();
    }
  }

  /** The form's comma-separated fields become the API's request; its 400s come back as a notice. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed(Roles.OPERATOR)
  public Response create(
      @FormParam("namePrefix") String namePrefix,
      @FormParam("tag") String tag,
      @FormParam("organizationIds") String organizationIds,
      @FormParam("addTags") String addTags,
      @FormParam("removeTags") String removeTags) {
    try {
      TagFilter filter =
          new TagFilter(blankToNull(namePrefix), blankToNull(tag), ids(organizationIds));
      Response created = api.create(new TagJobRequest(filter, list(addTags), list(removeTags)));
      JobSummary job = (JobSummary) created.getEntity();
      return Response.seeOther(URI.create(JOBS + "/" + job.id())).build();
    } catch (ProblemException e) {
      return Response.seeOther(URI.create(JOBS + "?notice=" + ConsoleErrors.encode(e.getMessage())))
          .build();
    }
  }

  static List<String> list(String commaSeparated) {
    List<String> values = new ArrayList<>();
    if (commaSeparated != null) {
      for (String part : commaSeparated.split(",")) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
    }
    return values;
  }

  static List<Long> ids(String commaSeparated) {
    List<Long> ids = new ArrayList<>();
    for (String part : list(commaSeparated)) {
      try {
        ids.add(Long.parseLong(part));
      } catch (NumberFormatException e) {
        throw ProblemException.badParameter(
            "organizationIds", "organization ids are whole numbers: " + part);
      }
    }
    return ids;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  Response signIn(RuntimeException e) {
    return ConsoleErrors.signIn(e);
  }

  @ServerExceptionMapper
  Response forbidden(ForbiddenException e) {
    return ConsoleErrors.forbidden("Starting a tag job needs the role " + Roles.OPERATOR + ".");
  }
}
