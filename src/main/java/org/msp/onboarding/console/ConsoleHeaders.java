package org.msp.onboarding.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Console pages hold operator data and action buttons: not cached, not framed (clickjacking), and
 * scripts only from this server (Qute escapes what the pages show; the policy is the second line of
 * defence).
 */
public class ConsoleHeaders {

  @ServerResponseFilter
  public void harden(ContainerRequestContext request, ContainerResponseContext response) {
    if (!request.getUriInfo().getPath().startsWith("/console")) {
      return;
    }
    response.getHeaders().putSingle("Cache-Control", "no-store");
    response.getHeaders().putSingle("X-Frame-Options", "DENY");
    response
        .getHeaders()
        .putSingle(
            "Content-Security-Policy",
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    // same-origin, not no-referrer: under no-referrer browsers send "Origin: null" with form posts,
    // which
    // ConsoleOriginCheck must refuse.
    response.getHeaders().putSingle("Referrer-Policy", "same-origin");
    response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
  }
}
