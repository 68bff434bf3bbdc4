package org.msp.onboarding.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's two ways of being signed in, each a cookie on /console: the pasted token (HttpOnly,
 * SameSite=Strict, read by smallrye-jwt) and the identity provider's session (written by
 * quarkus-oidc, named q_session, split into q_session_chunk_N when large). Signing out, or in the
 * other way, clears the one not wanted.
 */
@ApplicationScoped
class ConsoleCookies {
  static final String PATH = "/console";
  private static final String PROVIDER_SESSION = "q_session";

  private final ConsoleConfig config;
  private final String tokenCookie;

  ConsoleCookies(
      ConsoleConfig config, @ConfigProperty(name = "mp.jwt.token.cookie") String tokenCookie) {
    this.config = config;
    this.tokenCookie = tokenCookie;
  }

  NewCookie token(String value, int maxAge) {
    return cookie(tokenCookie, value, maxAge, NewCookie.SameSite.STRICT);
  }

  NewCookie tokenCleared() {
    return token("", 0);
  }

  /** The provider's session cookies this browser sent, expired. */
  Stream<NewCookie> providerSessionCleared(Map<String, Cookie> sent) {
    return sent.keySet().stream()
        .filter(name -> name.startsWith(PROVIDER_SESSION))
        .map(name -> cookie(name, "", 0, NewCookie.SameSite.LAX));
  }

  private NewCookie cookie(String name, String value, int maxAge, NewCookie.SameSite sameSite) {
    return new NewCookie.Builder(name)
        .value(value)
        .path(PATH)
        .httpOnly(true)
        .secure(config.secureCookie())
        .sameSite(sameSite)
        .maxAge(maxAge)
        .build();
  }
}
