package org.msp.onboarding.ops;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.msp.onboarding.web.Problem;

/**
 * The OpenAPI document's header: every ops API call takes a bearer JWT, and its errors are the
 * Problem schema (web/ProblemResponses puts it on every error an operation declares).
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Client onboarding ops API",
            version = "1",
            description =
                "Query onboarding sagas and act on them. Errors are RFC 9457 application/problem+json."),
    security = @SecurityRequirement(name = "jwt"),
    components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecurityScheme(
    securitySchemeName = "jwt",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "Roles in the groups claim: onboarding-viewer (GETs), onboarding-operator (actions)")
public class OpsApiDocument extends Application {}
