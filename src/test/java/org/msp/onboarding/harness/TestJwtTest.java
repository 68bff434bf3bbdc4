package org.msp.onboarding.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test token issuer makes what the service verifies: RS256 over the key it publishes, with
 * issuer, audience, subject and roles where MicroProfile JWT reads them.
 */
class TestJwtTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;

  @Test
  void tokenIsSignedWithRs256ByThePublishedKeyAndCarriesIssuerAudienceAndRoles() throws Exception {
    TestJwt jwt = TestJwt.create(folder);
    String[] parts = jwt.token("alice", TestJwt.OPERATOR, TestJwt.VIEWER).split("\\.");

    JsonNode header = decode(parts[0]);
    assertEquals("RS256", header.path("alg").asText());
    assertEquals("JWT", header.path("typ").asText());
    assertTrue(verifies(publicKey(), parts), "signature verifies with the published public key");

    JsonNode claims = decode(parts[1]);
    assertEquals(TestJwt.ISSUER, claims.path("iss").asText());
    assertEquals(TestJwt.AUDIENCE, audience(claims));
    assertEquals("alice", claims.path("sub").asText());
    assertEquals("alice", claims.path("upn").asText());
    Set<String> groups = new TreeSet<>();
    claims.path("groups").forEach(g -> groups.add(g.asText()));
    assertEquals(Set.of(TestJwt.OPERATOR, TestJwt.VIEWER), groups);
    long now = Instant.now().getEpochSecond();
    assertTrue(claims.path("exp").asLong() > now + 7 * 3600, "valid for hours");
  }

  @Test
  void negativeLifetimeGivesAnAlreadyExpiredToken() throws Exception {
    TestJwt jwt = TestJwt.create(folder);
    String token = jwt.sign("bob", TestJwt.ISSUER, Duration.ofMinutes(-5), TestJwt.VIEWER);

    JsonNode claims = decode(token.split("\\.")[1]);
    assertTrue(claims.path("exp").asLong() < Instant.now().getEpochSecond());
  }

  @Test
  void otherAudienceIsCarriedAsGiven() throws Exception {
    TestJwt jwt = TestJwt.create(folder);
    String token =
        jwt.sign("carol", TestJwt.ISSUER, "another-app", Duration.ofMinutes(5), TestJwt.VIEWER);

    assertEquals("another-app", audience(decode(token.split("\\.")[1])));
  }

  private static String audience(JsonNode claims) {
    JsonNode aud = claims.path("aud");
    return aud.isArray() && aud.size() == 1 ? aud.get(0).asText() : aud.asText();
  }

  private PublicKey publicKey() throws Exception {
    String pem = Files.readString(folder.resolve("jwt-public-key.pem"));
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static boolean verifies(PublicKey key, String[] parts) throws Exception {
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(key);
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
  }

  private static JsonNode decode(String part) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(part));
  }
}
