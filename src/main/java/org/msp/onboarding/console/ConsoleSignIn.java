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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.msp.onboarding.web.Roles;

/**
 * Sign-in for browsers. The API stays bearer-only; a browser cannot add that header to page loads,
 * so the operator pastes a JWT from the IdP once and it is kept in an HttpOnly, SameSite=Strict
 * cookie that smallrye-jwt reads (mp.jwt.token.cookie). The cookie's path is /console: the API
 * itself never receives it, so no cross-site request can reach the API with it.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleSignIn {
  static final String COOKIE_PATH = "/console";
  static final String SAGAS = "/console/sagas";
  static final String LOGIN = "/console/login";

  /**
   * The one reason code the sign-in page knows; the page never shows text taken from the address.
   */
  static final String EXPIRED = "expired";

  private static final String EXPIRED_MESSAGE =
      "Your sign-in has expired or is no longer valid: sign in again with a fresh token.";

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(String error);
  }

  private final JWTParser parser;
  private final ConsoleConfig config;
  private final String cookieName;

  public ConsoleSignIn(
      JWTParser parser,
      ConsoleConfig config,
      @ConfigProperty(name = "mp.jwt.token.cookie") String cookieName) {
    this.parser = parser;
    this.config = config;
    this.cookieName = cookieName;
  }

  /** The console's home is the saga list. */
  @GET
  public Response home() {
    return Response.seeOther(URI.create(SAGAS)).build();
  }

  @GET
  @Path("/login")
  public TemplateInstance form(@QueryParam("reason") String reason) {
    return Templates.login(EXPIRED.equals(reason) ? EXPIRED_MESSAGE : null);
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
          .entity(Templates.login("That token was not accepted (signature, issuer or expiry)."))
          .build();
    }
    Set<String> groups = jwt.getGroups();
    if (groups == null || !(groups.contains(Roles.VIEWER) || groups.contains(Roles.OPERATOR))) {
      return Response.status(403)
          .entity(
              Templates.login(
                  "That token has neither " + Roles.VIEWER + " nor " + Roles.OPERATOR + "."))
          .build();
    }
    long maxAge = Math.max(0, jwt.getExpirationTime() - Instant.now().getEpochSecond());
    return Response.seeOther(URI.create(SAGAS))
        .cookie(cookie(raw, (int) Math.min(maxAge, Integer.MAX_VALUE)))
        .build();
  }

  @POST
  @Path("/logout")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signOut() {
    return Response.seeOther(URI.create(LOGIN)).cookie(cookie("", 0)).build();
  }

  private NewCookie cookie(String value, int maxAge) {
    return new NewCookie.Builder(cookieName)
        .value(value)
        .path(COOKIE_PATH)
        .httpOnly(true)
        .secure(config.secureCookie())
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(maxAge)
        .build();
  }
}
