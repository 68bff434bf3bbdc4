package org.msp.onboarding.console;

import jakarta.ws.rs.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The CSRF check of the console's forms (double submit): quarkus-rest-csrf creates the token, its HttpOnly cookie
 * (path /console) and the forms' hidden field; each console POST compares the two here. Not in the extension's
 * global filter (quarkus.rest-csrf.verify-token=false), because that filter also sees the bearer-token API, whose
 * clients carry no cookie and may send a form content type with an empty body.
 */
final class ConsoleCsrf {
  /** The extension's default cookie and form field name. */
  static final String NAME = "csrf-token";

  private ConsoleCsrf() {}

  static void verify(String cookie, String field) {
    boolean matches = cookie != null && field != null && !cookie.isEmpty()
        && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    if (!matches) {
      throw new BadRequestException("The form is stale or was not sent by this console: reload the page, try again.");
    }
  }
}
