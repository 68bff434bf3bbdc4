package org.msp.onboarding.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * CSRF defence of the console's forms besides the SameSite=Strict cookie: a console POST must come
 * from a page of this console, i.e. carry an Origin (or, from older browsers, a Referer) whose host
 * is the one the request was sent to. Browsers always add Origin to form posts and a foreign page
 * cannot forge it. Only /console: the API is bearer-only, its clients send no cookie and need no
 * Origin. Host only, not scheme: behind a TLS-terminating ingress the page is https while the
 * request reaching the service is http.
 */
public class ConsoleOriginCheck {

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> sameOrigin(ContainerRequestContext request) {
    if (!"POST".equals(request.getMethod())
        || !request.getUriInfo().getPath().startsWith("/console")) {
      return Optional.empty();
    }
    String host = request.getHeaderString("Host");
    String origin =
        Optional.ofNullable(request.getHeaderString("Origin"))
            .orElse(request.getHeaderString("Referer"));
    if (host != null && origin != null && host.toLowerCase(Locale.ROOT).equals(authority(origin))) {
      return Optional.empty();
    }
    return Optional.of(
        ConsoleErrors.forbidden(
            "This form was not sent from a page of this console. Reload the console and try again."));
  }

  private static String authority(String url) {
    try {
      String authority = URI.create(url).getAuthority();
      return authority == null ? "" : authority.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
