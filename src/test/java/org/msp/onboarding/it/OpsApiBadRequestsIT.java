package org.msp.onboarding.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad requests to the ops API. Whatever an operator's script or a typo sends, the answer is a 4xx
 * in RFC 9457 problem+json that says what was wrong (and which parameter), never a 500 and never an
 * HTML page. The one 4xx without a problem body is a request line the HTTP server cannot decode at
 * all (last test).
 */
class OpsApiBadRequestsIT extends StackTest {
  private static final String SAGAS = "/api/v1/sagas";
  private static final String TASKS = "/api/v1/agent-deployment-tasks";

  /** How RestAssured sends the path and query: percent-encoded by it, or exactly as written. */
  enum Transport {
    ENCODED,
    AS_WRITTEN
  }

  /**
   * One bad request: method, path, query, headers, body; the status it must get and the parameter
   * to name.
   */
  record BadRequest(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String body,
      Transport transport,
      int status,
      String parameter) {
    static BadRequest get(String path, int status) {
      return new BadRequest("GET", path, Map.of(), Map.of(), null, Transport.ENCODED, status, null);
    }

    static BadRequest call(String method, String path, int status) {
      return new BadRequest(
          method, path, Map.of(), Map.of(), null, Transport.ENCODED, status, null);
    }

    /** A GET with one bad query parameter, which the problem must name. */
    static BadRequest param(String path, String name, String value) {
      return new BadRequest(
          "GET", path, Map.of(name, value), Map.of(), null, Transport.ENCODED, 400, name);
    }

    /**
     * Sent exactly as written: RestAssured would otherwise percent-encode the escapes a second
     * time.
     */
    static BadRequest rawUrl(String pathAndQuery, int status, String parameter) {
      return new BadRequest(
          "GET", pathAndQuery, Map.of(), Map.of(), null, Transport.AS_WRITTEN, status, parameter);
    }

    BadRequest withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new BadRequest(method, path, query, more, body, transport, status, parameter);
    }

    BadRequest withMethod(String otherMethod) {
      return new BadRequest(otherMethod, path, query, headers, body, transport, status, parameter);
    }

    BadRequest withJsonBody(String json) {
      return new BadRequest(method, path, query, headers, json, transport, status, parameter)
          .withHeader("Content-Type", "application/json");
    }
  }

  static Stream<Arguments> badRequests() {
    String unknownId = UUID.randomUUID().toString();
    return Stream.of(
        // GET /api/v1/sagas: filters and paging.
        bad("unknown status filter", BadRequest.param(SAGAS, "status", "SLEEPING")),
        bad("several statuses in one filter", BadRequest.param(SAGAS, "status", "RUNNING,FAILED")),
        bad("pageSize 0", BadRequest.param(SAGAS, "pageSize", "0")),
        bad("pageSize 201 (over the maximum of 200)", BadRequest.param(SAGAS, "pageSize", "201")),
        bad("pageSize -1", BadRequest.param(SAGAS, "pageSize", "-1")),
        bad("pageSize that is not a number", BadRequest.param(SAGAS, "pageSize", "abc")),
        bad(
            "pageSize beyond a 64-bit number",
            BadRequest.param(SAGAS, "pageSize", "99999999999999999999")),
        bad("pageSize with a fraction", BadRequest.param(SAGAS, "pageSize", "1.5")),
        bad("cursor of random text", BadRequest.param(SAGAS, "after", "not a cursor!")),
        bad(
            "cursor that is base64 of junk",
            BadRequest.param(SAGAS, "after", cursorOf("hello world"))),
        bad(
            "cursor with a negative position",
            BadRequest.param(SAGAS, "after", cursorOf("saga:-5"))),
        bad("cursor with position zero", BadRequest.param(SAGAS, "after", cursorOf("saga:0"))),
        bad(
            "cursor whose position is not a number",
            BadRequest.param(SAGAS, "after", cursorOf("saga:abc"))),
        bad(
            "cursor whose position overflows",
            BadRequest.param(SAGAS, "after", cursorOf("saga:99999999999999999999"))),
        bad(
            "cursor that is base64 of bytes that are not UTF-8",
            BadRequest.param(
                SAGAS,
                "after",
                Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(new byte[] {(byte) 0xC3, (byte) 0x28, 0x01}))),
        bad("clientId of 201 characters", BadRequest.param(SAGAS, "clientId", "c".repeat(201))),
        bad("clientId of 3,000 characters", BadRequest.param(SAGAS, "clientId", "c".repeat(3000))),
        bad(
            "status that percent-decodes to invalid UTF-8",
            BadRequest.rawUrl(SAGAS + "?status=%C3%28", 400, "status")),
        bad(
            "cursor that percent-decodes to invalid UTF-8",
            BadRequest.rawUrl(SAGAS + "?after=%FF%FE", 400, "after")),

        // A single saga and its actions.
        bad("unknown saga id (a UUID)", BadRequest.get(SAGAS + "/" + unknownId, 404)),
        bad("saga id that is not a UUID", BadRequest.get(SAGAS + "/not-a-uuid", 404)),
        bad("saga id of 3,000 characters", BadRequest.get(SAGAS + "/" + "a".repeat(3000), 404)),
        bad(
            "saga id that percent-decodes to invalid UTF-8",
            BadRequest.rawUrl(SAGAS + "/%C3%28", 404, null)),
        bad(
            "saga id that percent-decodes to a NUL character",
            BadRequest.rawUrl(SAGAS + "/%00", 404, null)),
        bad(
            "retry of a saga id with an encoded slash",
            BadRequest.rawUrl(SAGAS + "/a%2Fb/retry", 404, null).withMethod("POST")),
        bad(
            "retry of an unknown saga",
            BadRequest.call("POST", SAGAS + "/" + unknownId + "/retry", 404)),
        bad(
            "compensate of an unknown saga",
            BadRequest.call("POST", SAGAS + "/" + unknownId + "/compensate", 404)),
        bad(
            "retry of a saga id that is not a UUID",
            BadRequest.call("POST", SAGAS + "/12345/retry", 404)),
        bad(
            "retry with a JSON body nobody asked for",
            BadRequest.call("POST", SAGAS + "/" + unknownId + "/retry", 404)
                .withJsonBody("{\"force\": true}")),
        bad(
            "retry with a malformed JSON body",
            BadRequest.call("POST", SAGAS + "/" + unknownId + "/retry", 404)
                .withJsonBody("{\"force\": ")),

        // Wrong HTTP method on a known path.
        bad("DELETE on a saga", BadRequest.call("DELETE", SAGAS + "/" + unknownId, 405)),
        bad("PUT on the saga list", BadRequest.call("PUT", SAGAS, 405)),
        bad(
            "POST on the saga list with a JSON body",
            BadRequest.call("POST", SAGAS, 405).withJsonBody("{\"clientId\": \"CW-1\"}")),
        bad("GET on the retry action", BadRequest.get(SAGAS + "/" + unknownId + "/retry", 405)),
        bad(
            "PATCH on the compensate action",
            BadRequest.call("PATCH", SAGAS + "/" + unknownId + "/compensate", 405)),
        bad("DELETE on the task list", BadRequest.call("DELETE", TASKS, 405)),

        // Unknown paths under the API.
        bad("unknown resource", BadRequest.get("/api/v1/organizations", 404)),
        bad(
            "unknown sub-resource of a saga",
            BadRequest.get(SAGAS + "/" + unknownId + "/steps", 404)),
        bad("unknown API version", BadRequest.get("/api/v2/sagas", 404)),

        // GET /api/v1/agent-deployment-tasks.
        bad(
            "organizationId that is not a number",
            BadRequest.param(TASKS, "organizationId", "acme")),
        bad("negative organizationId", BadRequest.param(TASKS, "organizationId", "-1")),
        bad("organizationId 0", BadRequest.param(TASKS, "organizationId", "0")),
        bad(
            "organizationId beyond a 64-bit number",
            BadRequest.param(TASKS, "organizationId", "99999999999999999999")),
        bad("unknown task status", BadRequest.param(TASKS, "status", "DONE")),

        // Content negotiation: the API speaks JSON only.
        bad(
            "Accept: application/xml on the saga list",
            BadRequest.get(SAGAS, 406).withHeader("Accept", "application/xml")),
        bad(
            "Accept: text/html on the task list",
            BadRequest.get(TASKS, 406).withHeader("Accept", "text/html")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badRequestGetsA4xxProblemNeverA500(BadRequest bad) {
    Answer answer = send(bad);

    assertEquals(
        bad.status(),
        answer.status(),
        "status of " + bad.method() + " " + bad.path() + ": " + answer.body());
    assertNotNull(answer.contentType(), "no Content-Type; body: " + answer.body());
    assertTrue(
        answer.contentType().startsWith("application/problem+json"),
        "Content-Type " + answer.contentType() + "; body: " + answer.body());
    JsonPath problem = JsonPath.from(answer.body());
    assertEquals(
        bad.status(),
        problem.getInt("status"),
        "the problem's status matches the response: " + answer.body());
    String title = problem.getString("title");
    assertNotNull(title, "a problem has a title: " + answer.body());
    assertFalse(title.isBlank(), "a problem has a title: " + answer.body());
    if (bad.parameter() != null) {
      assertEquals(
          bad.parameter(),
          problem.getString("parameter"),
          "the problem names the bad parameter: " + answer.body());
    }
  }

  /** What came back, whichever way the request went. */
  record Answer(int status, String contentType, String body) {}

  /**
   * A request line with a malformed %-escape is refused by the HTTP server (Vert.x) itself, before
   * any route or exception mapper of the service runs, with an empty 400: there is no hook to give
   * it a problem body. What this proves is that it stays the client's 400, never a 500, and that it
   * was refused for its request line.
   */
  @ParameterizedTest(name = "malformed request line: GET {0}")
  @ValueSource(
      strings = {SAGAS + "/%ZZ", SAGAS + "?status=%ZZ", SAGAS + "?after=%2", SAGAS + "/%/retry"})
  void requestLineTheHttpServerCannotDecodeIsA400NeverA500(String target) throws IOException {
    Answer answer = sendOverSocket("GET", target);
    assertEquals(400, answer.status(), "status of GET " + target + ": " + answer.body());
  }

  private Answer send(BadRequest bad) {
    RequestSpecification request = stack.request();
    if (bad.transport() == Transport.AS_WRITTEN) {
      request.urlEncodingEnabled(false);
    }
    bad.query().forEach(request::queryParam);
    bad.headers().forEach(request::header);
    if (bad.body() != null) {
      request.body(bad.body());
    }
    Response response = request.request(bad.method(), bad.path());
    return new Answer(response.statusCode(), response.contentType(), response.asString());
  }

  /**
   * HTTP/1.1 by hand, with the operator's credentials from stack.request(), for a request line
   * java.net.URI refuses.
   */
  private Answer sendOverSocket(String method, String target) throws IOException {
    URI base = URI.create(stack.baseUrl());
    StringBuilder head =
        new StringBuilder()
            .append(method)
            .append(' ')
            .append(target)
            .append(" HTTP/1.1\r\n")
            .append("Host: ")
            .append(base.getHost())
            .append(':')
            .append(base.getPort())
            .append("\r\n")
            .append("Accept: */*\r\nConnection: close\r\n");
    String authorization = operatorAuthorization();
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int split = raw.indexOf("\r\n\r\n");
      String[] lines = (split < 0 ? raw : raw.substring(0, split)).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      String contentType = null;
      for (String line : lines) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          contentType = line.substring("content-type:".length()).trim();
        }
      }
      return new Answer(status, contentType, split < 0 ? "" : raw.substring(split + 4));
    }
  }

  /** The Authorization header stack.request() sends, however TestStack attaches the token. */
  private String operatorAuthorization() {
    FilterableRequestSpecification spec = (FilterableRequestSpecification) stack.request();
    String header = spec.getHeaders().getValue("Authorization");
    if (header != null) {
      return header;
    }
    if (spec.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme oauth) {
      return "Bearer " + oauth.getAccessToken();
    }
    return null;
  }

  private static Arguments bad(String name, BadRequest request) {
    return Arguments.of(Named.of(name, request));
  }

  /**
   * A cursor built the way the service builds its own (base64url of text), around text it never
   * writes.
   */
  private static String cursorOf(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
