package org.msp.onboarding.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response computed by a handler but not yet sent. Handlers return it instead of writing to the
 * exchange so the dispatcher can still decide to drop the connection after the request was applied
 * (the "lost response").
 */
record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

  static final String JSON = "application/json";

  static SimResponse json(int status, Object value) {
    return new SimResponse(status, JSON, SimJson.write(value), Map.of());
  }

  static SimResponse html(int status, String page) {
    return new SimResponse(
        status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static SimResponse text(int status, String text) {
    return new SimResponse(
        status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static SimResponse empty(int status) {
    return new SimResponse(status, null, new byte[0], Map.of());
  }

  SimResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new SimResponse(status, contentType, body, Map.copyOf(more));
  }
}
