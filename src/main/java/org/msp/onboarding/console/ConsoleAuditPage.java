package org.msp.onboarding.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.msp.onboarding.audit.AuditViews.AuditReport;
import org.msp.onboarding.audit.AuditViews.OrganizationVerdict;
import org.msp.onboarding.audit.OrganizationAudit;
import org.msp.onboarding.audit.Verdict;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.web.Roles;

/** The organization audit, run when the page is opened (the figures say what that run cost). */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
public class ConsoleAuditPage {
  private static final java.util.Set<Verdict> ISSUES =
      java.util.EnumSet.of(Verdict.DRIFTED, Verdict.UNREADABLE, Verdict.NOT_COMPLETED);

  /**
   * {@code show}: "issues" (drifted, unreadable, or with an unfinished saga: the default, what
   * needs a look), "known" (every organization some saga knows), "all", or one verdict.
   */
  public record AuditView(
      AuditReport report, List<OrganizationVerdict> shown, String show, String error) {
    public List<String> choices() {
      return List.of(
          "issues",
          "known",
          "all",
          "MATCHES",
          "DRIFTED",
          "UNKNOWN_TO_SAGAS",
          "NOT_COMPLETED",
          "UNREADABLE");
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance audit(ConsoleUser user, AuditView view, NinjaOneLinks links);
  }

  private final OrganizationAudit audit;
  private final NinjaOneLinks links;
  private final SecurityIdentity identity;

  public ConsoleAuditPage(OrganizationAudit audit, NinjaOneLinks links, SecurityIdentity identity) {
    this.audit = audit;
    this.links = links;
    this.identity = identity;
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  public TemplateInstance page(@QueryParam("show") String show) {
    String wanted = show == null || show.isBlank() ? "issues" : show;
    AuditView view;
    try {
      AuditReport report = audit.run();
      view = new AuditView(report, shown(report.organizations(), wanted), wanted, null);
    } catch (RemoteCallException e) {
      view =
          new AuditView(
              null,
              List.of(),
              wanted,
              "NinjaOne's organization list could not be read: " + e.getMessage());
    }
    return Templates.audit(ConsoleUser.of(identity), view, links);
  }

  static List<OrganizationVerdict> shown(List<OrganizationVerdict> all, String show) {
    if (show.equals("all")) {
      return all;
    }
    if (show.equals("issues")) {
      return all.stream().filter(o -> ISSUES.contains(o.verdict())).toList();
    }
    if (show.equals("known")) {
      return all.stream().filter(o -> o.verdict() != Verdict.UNKNOWN_TO_SAGAS).toList();
    }
    return all.stream().filter(o -> o.verdict().name().equals(show)).toList();
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  Response signIn(RuntimeException e) {
    return ConsoleErrors.signIn(e);
  }

  @ServerExceptionMapper
  Response forbidden(ForbiddenException e) {
    return ConsoleErrors.forbidden(
        "The audit needs the role " + Roles.VIEWER + " or " + Roles.OPERATOR + ".");
  }
}
