package org.msp.onboarding.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A received request, with its body read completely (the body must be consumed before the
 * connection is reused).
 */
record SimRequest(String method, String path, String rawQuery, byte[] body, Headers headers) {

  static SimRequest read(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    return new SimRequest(
        exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT),
        exchange.getRequestURI().getPath(),
        exchange.getRequestURI().getRawQuery(),
        body,
        exchange.getRequestHeaders());
  }

  String header(String name) {
    return headers.getFirst(name);
  }

  String param(String name) {
    return decodeForm(rawQuery).get(name);
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON; an empty or malformed body is a 400, as NinjaOne answers it. */
  JsonNode json() {
    if (body.length == 0) {
      throw SimError.badRequest("request body is required");
    }
    try {
      return SimJson.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw SimError.badRequest("malformed JSON body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw SimError.badRequest("unreadable JSON body");
    }
  }

  /**
   * Decodes application/x-www-form-urlencoded text; used for query strings and the token request
   * body.
   */
  static Map<String, String> decodeForm(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return values;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.putIfAbsent(decode(key), decode(value));
    }
    return values;
  }

  static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw SimError.badRequest("malformed url encoding: " + text);
    }
  }
}
