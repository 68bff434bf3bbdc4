package org.msp.onboarding.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The one HTTP handler: admin calls go straight to {@link SimAdminRoutes}; every other call is
 * delayed, maybe faulted, authenticated, routed, logged, then answered (or, for a drop, answered
 * with a closed connection).
 */
final class SimDispatcher implements HttpHandler {

  private final SimRouter api;
  private final SimAdminRoutes admin;
  private final SimTokenEndpoint tokenEndpoint;
  private final SimTokens tokens;
  private final SimFaults faults;
  private final SimCallLog calls;

  SimDispatcher(
      SimRouter api, SimAdminRoutes admin, SimTokens tokens, SimFaults faults, SimCallLog calls) {
    this.api = api;
    this.admin = admin;
    this.tokenEndpoint = new SimTokenEndpoint(tokens);
    this.tokens = tokens;
    this.faults = faults;
    this.calls = calls;
  }

  @Override
  public void handle(HttpExchange exchange) {
    Instant at = Instant.now();
    try {
      SimRequest request = SimRequest.read(exchange);
      if (request.path().startsWith("/_sim/")) {
        send(
            exchange,
            guarded(
                () -> admin.dispatch(request), null)); // no log, no faults: they serve the tests
      } else {
        serve(exchange, request, at);
      }
    } catch (IOException | RuntimeException e) {
      exchange
          .close(); // the client went away or the answer could not be written: nothing left to send
    }
  }

  private void serve(HttpExchange exchange, SimRequest request, Instant at) throws IOException {
    sleep(faults.latency());
    boolean tokenCall = request.path().equals(SimTokenEndpoint.PATH);
    SimFault fault = faults.next(request.method(), request.path(), tokenCall);
    if (fault != null && fault.kind().equals(SimFault.DELAY)) {
      sleep(fault.delay());
    }
    SimResponse response =
        fault == null || fault.applies()
            ? guarded(() -> process(request, tokenCall), request)
            : fault.response();
    boolean drop = fault != null && fault.kind().equals(SimFault.DROP);
    // logged before answering, so a client that got its answer always finds its call in the log
    calls.add(
        new SimCall(
            at,
            request.method(),
            request.path(),
            request.rawQuery(),
            drop ? -1 : response.status(),
            fault == null ? null : fault.kind(),
            request.header("traceparent")));
    if (drop) {
      // before sendResponseHeaders, HttpExchange.close() closes the TCP connection: the client sees
      // EOF
      exchange.close();
    } else {
      send(exchange, response);
    }
  }

  private SimResponse process(SimRequest request, boolean tokenCall) {
    if (tokenCall) {
      return tokenEndpoint.handle(request);
    }
    String path = request.path();
    if (!path.startsWith("/v2/") && !path.startsWith("/api/v2/")) {
      throw SimError.notFound("no such endpoint: " + path);
    }
    if (!tokens.valid(bearer(request.header("Authorization")))) {
      return SimResponse.json(
              401,
              SimJson.authError("unauthorized", "missing, invalid or expired bearer token", 401))
          .withHeader("WWW-Authenticate", "Bearer");
    }
    return api.dispatch(request);
  }

  /** Runs a handler, turning its validation errors into their JSON answers and bugs into a 500. */
  private SimResponse guarded(Supplier<SimResponse> handler, SimRequest request) {
    try {
      return handler.get();
    } catch (SimError e) {
      if (e.isContractViolation() && request != null) {
        calls.contractViolation(request.method() + " " + request.path() + ": " + e.getMessage());
      }
      return e.toResponse();
    } catch (RuntimeException e) {
      return SimResponse.json(500, SimError.body("INTERNAL_ERROR", "simulator bug: " + e));
    }
  }

  private static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7).trim();
  }

  private static void send(HttpExchange exchange, SimResponse response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (response.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
    }
    boolean noBody = response.body().length == 0;
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
    exchange.close();
  }

  private static void sleep(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutting down: answer at once
    }
  }
}
