package org.msp.onboarding.simulator;

import java.time.Duration;

/**
 * One fault to inject into a call.
 *
 * @param kind "status", "throttle", "html", "drop" or "delay" (the names {@code faultCounts()}
 *     uses)
 * @param status the status to answer for "status"
 * @param retryAfterSeconds the Retry-After header for "throttle"
 * @param delay the extra wait for "delay"
 */
record SimFault(String kind, int status, int retryAfterSeconds, Duration delay) {

  static final String STATUS = "status";
  static final String THROTTLE = "throttle";
  static final String HTML = "html";
  static final String DROP = "drop";
  static final String DELAY = "delay";

  static final String HTML_PAGE =
      """
            <!DOCTYPE html>
            <html><head><title>Rate limited</title></head>
            <body><h1>Too many requests</h1><p>You have been rate limited. Please try again later.</p></body></html>
            """;

  static SimFault status(int status) {
    return new SimFault(STATUS, status, 0, Duration.ZERO);
  }

  static SimFault throttle(int retryAfterSeconds) {
    return new SimFault(THROTTLE, 429, retryAfterSeconds, Duration.ZERO);
  }

  static SimFault html() {
    return new SimFault(HTML, 200, 0, Duration.ZERO);
  }

  static SimFault drop() {
    return new SimFault(DROP, 0, 0, Duration.ZERO);
  }

  static SimFault delay(Duration delay) {
    return new SimFault(DELAY, 0, 0, delay);
  }

  /**
   * Whether the request still reaches the state: a drop loses only the response, a delay only slows
   * it.
   */
  boolean applies() {
    return kind.equals(DROP) || kind.equals(DELAY);
  }

  /** The answer that replaces the real one, for the kinds that do not apply the request. */
  SimResponse response() {
    return switch (kind) {
      case THROTTLE ->
          SimResponse.json(
                  429,
                  SimError.body(
                      "TOO_MANY_REQUESTS",
                      "rate limit exceeded, retry after " + retryAfterSeconds + " s"))
              .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
      case HTML -> SimResponse.html(200, HTML_PAGE);
      default ->
          status == 204 || status == 304
              ? SimResponse.empty(status)
              : SimResponse.json(
                  status, SimError.body(resultCode(status), "injected fault: status " + status));
    };
  }

  private static String resultCode(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 409 -> "CONFLICT";
      case 429 -> "TOO_MANY_REQUESTS";
      case 500 -> "INTERNAL_SERVER_ERROR";
      case 502 -> "BAD_GATEWAY";
      case 503 -> "SERVICE_UNAVAILABLE";
      case 504 -> "GATEWAY_TIMEOUT";
      default -> "ERROR_" + status;
    };
  }
}
