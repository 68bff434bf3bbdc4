package org.msp.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * A tiny java.net.http client for tests that talk to a simulator over HTTP, as the service does.
 */
public final class SimTestClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private volatile String token;

  public SimTestClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Requests a token with client_secret_post and keeps it for the following calls. */
  public String login(String clientId, String clientSecret) {
    HttpResponse<String> response =
        tokenRequest(
            "grant_type=client_credentials&client_id="
                + clientId
                + "&client_secret="
                + clientSecret,
            null);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "login failed: " + response.statusCode() + " " + response.body());
    }
    token = json(response).get("access_token").asText();
    return token;
  }

  public HttpResponse<String> tokenRequest(String form, String basicAuthorization) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + SimTokenEndpoint.PATH))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (basicAuthorization != null) {
      builder.header("Authorization", basicAuthorization);
    }
    return sendUnchecked(builder.build());
  }

  public static String basic(String clientId, String clientSecret) {
    String pair = clientId + ":" + clientSecret;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** A call with the current bearer token; body null sends none. */
  public HttpResponse<String> call(String method, String path, String body) {
    return sendUnchecked(request(method, path, body, token == null ? null : "Bearer " + token));
  }

  /**
   * Like {@link #call} but lets a dropped connection surface as the IOException the service would
   * see.
   */
  public HttpResponse<String> send(String method, String path, String body) throws IOException {
    try {
      return http.send(
          request(method, path, body, "Bearer " + token), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  public CompletableFuture<HttpResponse<String>> callAsync(
      String method, String path, String body) {
    return http.sendAsync(
        request(method, path, body, "Bearer " + token), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> callWithAuthorization(
      String method, String path, String body, String authorization) {
    return sendUnchecked(request(method, path, body, authorization));
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return SimJson.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  private HttpRequest request(String method, String path, String body, String authorization) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder.build();
  }

  private HttpResponse<String> sendUnchecked(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
