package org.msp.onboarding.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Issues and checks bearer tokens for the one configured client. */
final class SimTokens {

  static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  /**
   * Above this many live tokens, issuing sweeps out expired ones, so a token-per-call client cannot
   * grow memory.
   */
  private static final int SWEEP_THRESHOLD = 10_000;

  record Issued(String token, long expiresInSeconds) {}

  private final String clientId;
  private final String clientSecret;
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

  /**
   * Every token handed out (the first 1,000), for tests that check none leaks into logs or records.
   */
  private final java.util.Set<String> everIssued = ConcurrentHashMap.newKeySet();

  private final SecureRandom random = new SecureRandom();
  private volatile Duration lifetime = DEFAULT_LIFETIME;

  SimTokens(String clientId, String clientSecret) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /** Constant-time comparison: cheap, and keeps the fake from teaching bad habits. */
  boolean credentialsMatch(String id, String secret) {
    return id != null
        && secret != null
        && MessageDigest.isEqual(clientId.getBytes(UTF_8), id.getBytes(UTF_8))
        && MessageDigest.isEqual(clientSecret.getBytes(UTF_8), secret.getBytes(UTF_8));
  }

  Issued issue() {
    if (expiries.size() > SWEEP_THRESHOLD) {
      Instant now = Instant.now();
      expiries.values().removeIf(expiry -> expiry.isBefore(now));
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Duration current = lifetime;
    expiries.put(token, Instant.now().plus(current));
    if (everIssued.size() < 1_000) {
      everIssued.add(token);
    }
    return new Issued(token, current.toSeconds());
  }

  boolean valid(String token) {
    Instant expiry = token == null ? null : expiries.get(token);
    return expiry != null && Instant.now().isBefore(expiry);
  }

  java.util.Set<String> everIssued() {
    return java.util.Set.copyOf(everIssued);
  }

  void lifetime(Duration newLifetime) {
    lifetime = newLifetime;
  }

  void expireAll() {
    expiries.clear();
  }

  void reset() {
    expiries.clear();
    lifetime = DEFAULT_LIFETIME;
  }
}
