package org.msp.onboarding.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.msp.onboarding.web.Roles;

/**
 * Sign-in for browsers. The API stays bearer-only; a browser cannot add that header to page loads,
 * so the operator pastes a JWT from the IdP once and it is kept in an HttpOnly, SameSite=Strict
 * cookie that smallrye-jwt reads (mp.jwt.token.cookie). The cookie's path is /console: the API
 * itself never receives it, so no cross-site request can reach the API with it. Where an identity
 * provider is configured, the sign-in page also offers its login page (see {@link #providerSignIn})
 * and pasting stays as the fallback.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleSignIn {
  static final String SAGAS = "/console/sagas";
  static final String LOGIN = "/console/login";

  /**
   * The one reason code the sign-in page knows; the page never shows text taken from the address.
   */
  static final String EXPIRED = "expired";

  private static final String EXPIRED_MESSAGE =
      "Your sign-in has expired or is no longer valid: sign in again with a fresh token.";
  private static final String EXPIRED_MESSAGE_WITH_PROVIDER =
      "Your sign-in has expired or is no longer valid: sign in again.";

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(String error, boolean providerSignIn);
  }

  private final JWTParser parser;
  private final ConsoleCookies cookies;
  private final boolean providerConfigured;

  public ConsoleSignIn(
      JWTParser parser,
      ConsoleCookies cookies,
      @ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean providerConfigured) {
    this.parser = parser;
    this.cookies = cookies;
    this.providerConfigured = providerConfigured;
  }

  /** The console's home is the saga list. */
  @GET
  public Response home() {
    return Response.seeOther(URI.create(SAGAS)).build();
  }

  @GET
  @Path("/login")
  public TemplateInstance form(@QueryParam("reason") String reason) {
    if (!EXPIRED.equals(reason)) {
      return login(null);
    }
    return login(providerConfigured ? EXPIRED_MESSAGE_WITH_PROVIDER : EXPIRED_MESSAGE);
  }

  /**
   * The code flow's start and end. Anyone not signed in through the provider never reaches this
   * method: the HTTP permission "console-sso" (application.properties) sends them to the provider's
   * login page, which sends them back here with a code that quarkus-oidc turns into its session
   * cookie. A pasted token still kept is dropped, so the provider's sign-in is the one in force.
   */
  @GET
  @Path("/sso")
  public Response providerSignIn() {
    if (!providerConfigured) {
      return Response.seeOther(URI.create(LOGIN)).build();
    }
    return Response.seeOther(URI.create(SAGAS)).cookie(cookies.tokenCleared()).build();
  }

  /**
   * Checks the token as the API would (signature, issuer, expiry, a console role) before keeping
   * it.
   */
  @POST
  @Path("/login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signIn(@FormParam("token") String token) {
    String raw = token == null ? "" : token.strip();
    if (raw.regionMatches(true, 0, "Bearer ", 0, 7)) {
      raw = raw.substring(7).strip();
    }
    JsonWebToken jwt;
    try {
      jwt = parser.parse(raw);
    } catch (ParseException | RuntimeException e) {
      return Response.status(401)
          .entity(login("That token was not accepted (signature, issuer or expiry)."))
          .build();
    }
    Set<String> groups = jwt.getGroups();
    if (groups == null || !(groups.contains(Roles.VIEWER) || groups.contains(Roles.OPERATOR))) {
      return Response.status(403)
          .entity(login("That token has neither " + Roles.VIEWER + " nor " + Roles.OPERATOR + "."))
          .build();
    }
    long maxAge = Math.max(0, jwt.getExpirationTime() - Instant.now().getEpochSecond());
    return Response.seeOther(URI.create(SAGAS))
        .cookie(cookies.token(raw, (int) Math.min(maxAge, Integer.MAX_VALUE)))
        .build();
  }

  @POST
  @Path("/logout")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signOut(@Context HttpHeaders headers) {
    NewCookie[] cleared =
        Stream.concat(
                Stream.of(cookies.tokenCleared()),
                cookies.providerSessionCleared(headers.getCookies()))
            .toArray(NewCookie[]::new);
    return Response.seeOther(URI.create(LOGIN)).cookie(cleared).build();
  }

  private TemplateInstance login(String error) {
    return Templates.login(error, providerConfigured);
  }
}
