package org.msp.onboarding.ninjaone;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.msp.onboarding.saga.RemoteCallException;

/** One NinjaOne answer, read fully, and the classification of a failed one. */
record Answer(String endpoint, int status, String contentType, String body, String retryAfter) {
  static final int MAX_ERROR_BODY = 500;

  /** Sends the request; no answer at all (refused, reset, timed out) is a transient failure. */
  static Answer of(String endpoint, Supplier<Response> request) {
    try (Response response = request.get()) {
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      MediaType type = response.getMediaType();
      return new Answer(
          endpoint,
          response.getStatus(),
          type == null ? null : type.toString(),
          body,
          response.getHeaderString("Retry-After"));
    } catch (ProcessingException e) {
      throw new RemoteCallException(
          RemoteCallException.Kind.TRANSIENT,
          0,
          endpoint + ": no answer (" + rootMessage(e) + ")",
          null);
    }
  }

  boolean isJson() {
    return contentType != null && contentType.toLowerCase().contains("json");
  }

  /**
   * NinjaOne's rate limit speaking: a 429, or the HTML page that clients report it sometimes
   * answers instead.
   */
  boolean isThrottle() {
    boolean htmlSuccess = status >= 200 && status < 300 && isHtml();
    return status == 429 || htmlSuccess;
  }

  boolean isHtml() {
    return (contentType != null && contentType.toLowerCase().contains("html"))
        || body.stripLeading().startsWith("<");
  }

  /**
   * What a 2xx answer must carry: JSON (a throttle's HTML 200 is not success), or anything at all.
   */
  enum Body {
    JSON,
    ANY
  }

  void throwUnlessSuccessful(Body expected) {
    if (status >= 200 && status < 300) {
      if (expected == Body.JSON && !body.isBlank() && !isJson()) {
        throw failure(
            RemoteCallException.Kind.TRANSIENT, "answered " + status + " with a non-JSON body");
      }
      // Even where any body will do, a throttle's HTML page answered 200 without doing the work.
      if (expected == Body.ANY && isHtml()) {
        throw failure(
            RemoteCallException.Kind.TRANSIENT, "answered " + status + " with an HTML page");
      }
      return;
    }
    throw failure(classify(), "HTTP " + status);
  }

  /** 408, 429, 5xx and a non-JSON error page (a proxy or throttle talking) are worth retrying. */
  RemoteCallException.Kind classify() {
    if (status == 408 || status == 429 || status >= 500) {
      return RemoteCallException.Kind.TRANSIENT;
    }
    if (status == 409) {
      return RemoteCallException.Kind.CONFLICT;
    }
    if (!isJson() && !body.isBlank() && status != 401 && status != 403 && status != 404) {
      return RemoteCallException.Kind.TRANSIENT;
    }
    return RemoteCallException.Kind.PERMANENT;
  }

  <T> T parse(JsonReader<T> reader) {
    try {
      return reader.read(body);
    } catch (Exception e) {
      throw failure(
          RemoteCallException.Kind.TRANSIENT, "answered " + status + " with an unreadable body");
    }
  }

  private RemoteCallException failure(RemoteCallException.Kind kind, String what) {
    String message = endpoint + " " + what + (body.isBlank() ? "" : ": " + trimmed(body));
    return new RemoteCallException(kind, status, message, RetryAfter.parse(retryAfter));
  }

  static String trimmed(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_ERROR_BODY
        ? oneLine
        : oneLine.substring(0, MAX_ERROR_BODY) + "...";
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  @FunctionalInterface
  interface JsonReader<T> {
    T read(String body) throws Exception;
  }
}
