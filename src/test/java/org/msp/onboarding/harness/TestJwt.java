package org.msp.onboarding.harness;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A throwaway token issuer for tests and the local run: an RSA key pair whose public half the
 * service is told to trust (MP_JWT_VERIFY_PUBLICKEY_LOCATION), and RS256 tokens with the ops API's
 * roles in "groups", built with smallrye-jwt-build (a declared dependency).
 */
public final class TestJwt {
  public static final String ISSUER = "https://onboarding.msp/issuer";

  /**
   * The audience the service is told to require (MP_JWT_VERIFY_AUDIENCES), as in the prod overlay.
   */
  public static final String AUDIENCE = "ninjaone-onboarding";

  public static final String VIEWER = "onboarding-viewer";
  public static final String OPERATOR = "onboarding-operator";

  private final KeyPair keys;
  private final Path publicKeyFile;

  private TestJwt(KeyPair keys, Path publicKeyFile) {
    this.keys = keys;
    this.publicKeyFile = publicKeyFile;
  }

  /** A new key pair; the public key is written as PEM into the folder. */
  public static TestJwt create(Path folder) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keys = generator.generateKeyPair();
      Files.createDirectories(folder);
      Path file = folder.resolve("jwt-public-key.pem");
      String pem =
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(keys.getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n";
      Files.writeString(file, pem);
      return new TestJwt(keys, file);
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException("cannot create the test token key pair", e);
    }
  }

  /** What the service needs to trust these tokens. */
  public Map<String, String> serviceEnv() {
    return Map.of(
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKeyFile.toAbsolutePath().toString(),
        "MP_JWT_VERIFY_ISSUER", ISSUER,
        "MP_JWT_VERIFY_AUDIENCES", AUDIENCE);
  }

  public String token(String subject, String... roles) {
    return sign(subject, ISSUER, Duration.ofHours(8), roles);
  }

  /** A token from another issuer, or already expired, for the negative tests. */
  public String sign(String subject, String issuer, Duration lifetime, String... roles) {
    return sign(subject, issuer, AUDIENCE, lifetime, roles);
  }

  /**
   * A token for another audience (another application of the same identity provider), for the
   * negative tests.
   */
  public String sign(
      String subject, String issuer, String audience, Duration lifetime, String... roles) {
    Instant now = Instant.now();
    return Jwt.issuer(issuer)
        .audience(audience)
        .subject(subject)
        .upn(subject)
        .groups(Set.of(roles))
        .issuedAt(now)
        .expiresAt(now.plus(lifetime))
        .jws()
        .algorithm(SignatureAlgorithm.RS256)
        .type("JWT")
        .sign(keys.getPrivate());
  }
}
