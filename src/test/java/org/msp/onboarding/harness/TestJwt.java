package org.msp.onboarding.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A throwaway token issuer for tests and the local run: an RSA key pair whose public half the
 * service is told to trust (MP_JWT_VERIFY_PUBLICKEY_LOCATION), and RS256 tokens with the ops API's
 * roles in "groups".
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
  public java.util.Map<String, String> serviceEnv() {
    return java.util.Map.of(
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
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(audience);
    claims.setSubject(subject);
    claims.setClaim("upn", subject);
    claims.setStringListClaim("groups", List.of(roles));
    claims.setIssuedAtToNow();
    claims.setGeneratedJwtId();
    claims.setExpirationTimeMinutesInTheFuture(lifetime.toSeconds() / 60f);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(keys.getPrivate());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign a test token", e);
    }
  }
}
