package org.msp.onboarding.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POST /ws/oauth/token: the client_credentials grant, with client_secret_post or
 * client_secret_basic.
 */
final class SimTokenEndpoint {

  static final String PATH = "/ws/oauth/token";
  private static final String DEFAULT_SCOPE = "monitoring management";

  private final SimTokens tokens;

  SimTokenEndpoint(SimTokens tokens) {
    this.tokens = tokens;
  }

  SimResponse handle(SimRequest request) {
    if (!request.method().equals("POST")) {
      return SimResponse.json(405, SimJson.authError("invalid_request", "use POST", 405));
    }
    Map<String, String> form = SimRequest.decodeForm(request.bodyText());
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return rejected("unsupported_grant_type", "only grant_type=client_credentials is supported");
    }
    if (credentials(form, request.header("Authorization")).stream()
        .noneMatch(c -> tokens.credentialsMatch(c.id(), c.secret()))) {
      return rejected("invalid_client", "client authentication failed");
    }
    SimTokens.Issued issued = tokens.issue();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("access_token", issued.token());
    json.put("token_type", "Bearer");
    json.put("expires_in", issued.expiresInSeconds());
    json.put("scope", form.getOrDefault("scope", DEFAULT_SCOPE));
    return SimResponse.json(200, json).withHeader("Cache-Control", "no-store");
  }

  private record Credentials(String id, String secret) {}

  /**
   * Form fields win; otherwise HTTP Basic. RFC 6749 2.3.1 wants the Basic parts form-encoded before
   * base64, but many clients skip that, so both the raw and the decoded pair are candidates.
   */
  private static List<Credentials> credentials(Map<String, String> form, String authorization) {
    if (form.containsKey("client_id")) {
      return List.of(new Credentials(form.get("client_id"), form.get("client_secret")));
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return List.of();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), UTF_8);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return List.of();
    }
    Credentials raw = new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    try {
      return List.of(
          raw, new Credentials(SimRequest.decode(raw.id()), SimRequest.decode(raw.secret())));
    } catch (SimError malformedEncoding) {
      return List.of(raw);
    }
  }

  private static SimResponse rejected(String error, String description) {
    return SimResponse.json(401, SimJson.authError(error, description, 401))
        .withHeader("WWW-Authenticate", "Basic realm=\"ninjaone\"");
  }
}
