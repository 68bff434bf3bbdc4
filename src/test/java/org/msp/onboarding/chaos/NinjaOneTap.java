package org.msp.onboarding.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass-through HTTP proxy between one service instance and the NinjaOne simulator. It changes
 * nothing in what the service sees (a dropped answer stays a dropped connection, a delay stays a
 * delay), but it knows which instance, and which run of that instance, made each call and when the
 * call started and ended. That is what shows "a step never runs in two processes at once": two
 * calls for one saga from different processes must never overlap in time. The simulator's own call
 * log cannot tell the instances apart.
 */
final class NinjaOneTap implements AutoCloseable {

  /**
   * One call as the service made it.
   *
   * @param incarnation which run of the instance (1 = first start, +1 per kill), so a killed
   *     process's last call and its successor's calls count as different processes
   * @param status the simulator's status, or -1 for a dropped answer, -2 if the simulator could not
   *     be reached
   * @param sagaId the saga named in a create's userData, else null
   * @param organizationId the organization in the path or body, else null
   */
  record Call(
      String instance,
      int incarnation,
      String method,
      String path,
      int status,
      long startNanos,
      long endNanos,
      UUID sagaId,
      Long organizationId) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ORGANIZATION_PATH =
      Pattern.compile("/(?:api/)?v2/organization/(\\d+)(?:/.*)?");

  /** Per-hop headers the proxy sets itself; copying them would break the framing of either side. */
  private static final Set<String> HOP_HEADERS =
      Set.of(
          "host",
          "connection",
          "content-length",
          "transfer-encoding",
          "keep-alive",
          "upgrade",
          "proxy-connection",
          "te",
          "trailer",
          "expect",
          "date");

  private final String instance;
  private final int targetPort;
  private final IntSupplier incarnation;
  private final List<Call> calls = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final HttpServer server;
  private final ExecutorService executor;

  private NinjaOneTap(String instance, int targetPort, IntSupplier incarnation) throws IOException {
    this.instance = instance;
    this.targetPort = targetPort;
    this.incarnation = incarnation;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    AtomicInteger threads = new AtomicInteger();
    executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "tap-" + instance + "-" + threads.incrementAndGet());
              thread.setDaemon(true); // never keeps the chaos JVM alive
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static NinjaOneTap start(String instance, int targetPort, IntSupplier incarnation) {
    try {
      return new NinjaOneTap(instance, targetPort, incarnation);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the NinjaOne tap for " + instance, e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Calls forwarded but not yet answered: at a kill, the steps that were mid-call. */
  int inFlight() {
    return inFlight.get();
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    long start = System.nanoTime();
    int run = incarnation.getAsInt();
    inFlight.incrementAndGet();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = exchange.getRequestURI().getRawPath();
    int status = -2;
    UUID sagaId = null;
    Long organizationId = null;
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      sagaId = sagaOf(method, path, body);
      organizationId = organizationOf(method, path, body);
      byte[] answer;
      try {
        answer = forward(exchange, method, body);
      } catch (IOException unreachable) {
        // The simulator is gone (end of the run): the service sees a closed connection, as it
        // would.
        exchange.close();
        return;
      }
      if (answer.length == 0) {
        status = -1;
        // The simulator closed without answering (a "lost answer" fault): pass the same on.
        exchange.close();
        return;
      }
      Response response = Response.parse(answer);
      status = response.status;
      relay(exchange, response);
    } catch (IOException | RuntimeException e) {
      exchange.close(); // the service went away (killed) while we answered: nothing left to do
    } finally {
      inFlight.decrementAndGet();
      Call call =
          new Call(
              instance,
              run,
              method,
              path,
              status,
              start,
              System.nanoTime(),
              sagaId,
              organizationId);
      synchronized (this) {
        calls.add(call);
      }
    }
  }

  /**
   * One fresh connection per call with Connection: close, so the answer ends at EOF and nothing is
   * retried.
   */
  private byte[] forward(HttpExchange exchange, String method, byte[] body) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
      socket.setSoTimeout(120_000);
      String query = exchange.getRequestURI().getRawQuery();
      StringBuilder head =
          new StringBuilder()
              .append(method)
              .append(' ')
              .append(exchange.getRequestURI().getRawPath())
              .append(query == null ? "" : "?" + query)
              .append(" HTTP/1.1\r\n")
              .append("Host: 127.0.0.1:")
              .append(targetPort)
              .append("\r\n");
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(
                      value -> head.append(name).append(": ").append(value).append("\r\n"));
                }
              });
      head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toByteArray();
    }
  }

  private static void relay(HttpExchange exchange, Response response) throws IOException {
    response.headers.forEach(
        header -> {
          if (!HOP_HEADERS.contains(header[0].toLowerCase(Locale.ROOT))) {
            exchange.getResponseHeaders().add(header[0], header[1]);
          }
        });
    boolean noBody = response.body.length == 0 || response.status == 204 || response.status == 304;
    exchange.sendResponseHeaders(response.status, noBody ? -1 : response.body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body);
      }
    }
    exchange.close();
  }

  /** The saga a create names in userData.onboardingSagaId, so a create can be tied to its saga. */
  private static UUID sagaOf(String method, String path, byte[] body) {
    if (!method.equals("POST") || !path.endsWith("/v2/organizations") || body.length == 0) {
      return null;
    }
    try {
      JsonNode marker = JSON.readTree(body).path("userData").path("onboardingSagaId");
      return marker.isTextual() ? UUID.fromString(marker.asText()) : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static Long organizationOf(String method, String path, byte[] body) {
    Matcher m = ORGANIZATION_PATH.matcher(path);
    if (m.matches()) {
      return Long.parseLong(m.group(1));
    }
    if (method.equals("POST")
        && path.endsWith("/organization/generate-installer")
        && body.length > 0) {
      try {
        JsonNode id = JSON.readTree(body).path("organizationId");
        return id.canConvertToLong() ? id.asLong() : null;
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * A raw HTTP/1.1 answer read to EOF: status line, headers, body (cut at Content-Length if given).
   */
  private record Response(int status, List<String[]> headers, byte[] body) {
    static Response parse(byte[] raw) throws IOException {
      int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'});
      if (end < 0) {
        throw new IOException("incomplete answer from the simulator");
      }
      String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      List<String[]> headers = new ArrayList<>();
      int length = -1;
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          String name = lines[i].substring(0, colon).trim();
          String value = lines[i].substring(colon + 1).trim();
          headers.add(new String[] {name, value});
          if (name.equalsIgnoreCase("Content-Length")) {
            length = Integer.parseInt(value);
          }
        }
      }
      int bodyStart = end + 4;
      int bodyLength =
          length >= 0 ? Math.min(length, raw.length - bodyStart) : raw.length - bodyStart;
      byte[] body = new byte[bodyLength];
      System.arraycopy(raw, bodyStart, body, 0, bodyLength);
      return new Response(status, headers, body);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
      outer:
      for (int i = 0; i + pattern.length <= data.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (data[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
