package org.msp.onboarding.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.msp.onboarding.audit.AuditViews.AuditReport;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.web.Problem;
import org.msp.onboarding.web.ProblemException;
import org.msp.onboarding.web.Roles;

/**
 * The organization audit on the ops API. One audit runs at a time; a call during a run, or shortly
 * after one, gets that run's report with its age (the report also says what the run cost).
 */
@Path("/api/v1/audit/organizations")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  private final OrganizationAudit audit;

  public AuditResource(OrganizationAudit audit) {
    this.audit = audit;
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
  @Operation(
      operationId = "auditOrganizations",
      summary = "Compare the tenant's organizations with what the completed sagas set")
  @APIResponse(
      responseCode = "200",
      description = "every organization of the tenant with its verdict, and totals",
      content = @Content(schema = @Schema(implementation = AuditReport.class)))
  @APIResponse(responseCode = "400", description = "an unknown verdict")
  @APIResponse(responseCode = "502", description = "NinjaOne's organization list could not be read")
  public Response audit(
      @Parameter(
              description = "list only organizations with this verdict (totals stay whole)",
              schema = @Schema(implementation = Verdict.class))
          @QueryParam("verdict")
          String verdict) {
    Verdict wanted = parse(verdict);
    AuditReport report;
    try {
      report = audit.run();
    } catch (RemoteCallException e) {
      return unreadable(e);
    }
    return Response.ok(wanted == null ? report : only(report, wanted)).build();
  }

  /** Totals stay those of the whole tenant; only the list is narrowed. */
  static AuditReport only(AuditReport report, Verdict verdict) {
    return new AuditReport(
        report.ranAt(),
        report.ageSeconds(),
        report.elapsedMillis(),
        report.ninjaOneCalls(),
        report.totals(),
        report.organizations().stream().filter(o -> o.verdict() == verdict).toList(),
        report.unknownToSagasListed(),
        report.missing());
  }

  static Verdict parse(String verdict) {
    if (verdict == null || verdict.isBlank()) {
      return null;
    }
    try {
      return Verdict.valueOf(verdict.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badParameter(
          "verdict", "verdict must be one of " + Arrays.toString(Verdict.values()));
    }
  }

  static Response unreadable(RemoteCallException e) {
    Problem problem =
        new Problem(
            "https://onboarding.msp/problems/ninjaone-unavailable",
            "NinjaOne unavailable",
            502,
            "the organization list could not be read: " + e.getMessage(),
            null);
    return Response.status(502).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
