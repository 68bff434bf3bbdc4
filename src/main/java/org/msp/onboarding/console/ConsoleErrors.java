package org.msp.onboarding.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How console pages answer a missing or rejected sign-in (back to the sign-in page, not the API's
 * problem+json) and a missing role. Each console resource maps the security exceptions to these
 * with its own local mappers, so the API keeps its problem+json answers.
 */
final class ConsoleErrors {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance forbidden(String detail);
  }

  private ConsoleErrors() {}

  /**
   * No token at all (a first visit) goes to the plain sign-in page; a token that no longer verifies
   * (expired, or signed by a key no longer trusted) to the page with the fixed "expired" message.
   */
  static Response signIn(RuntimeException e) {
    String reason =
        e instanceof AuthenticationFailedException ? "?reason=" + ConsoleSignIn.EXPIRED : "";
    return Response.seeOther(URI.create(ConsoleSignIn.LOGIN + reason)).build();
  }

  static Response forbidden(String detail) {
    return Response.status(403)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(Templates.forbidden(detail))
        .build();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
