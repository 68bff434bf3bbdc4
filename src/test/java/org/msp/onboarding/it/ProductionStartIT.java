package org.msp.onboarding.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.ServiceProcess;
import org.msp.onboarding.harness.TestDatabase;
import org.msp.onboarding.harness.TestJwt;

/**
 * The packaged service as production starts it: refusing to run with the deploy templates'
 * placeholders, and serving no API description unless told to. Each case uses a database of its own
 * and no Kafka at all (readiness does not depend on Kafka).
 */
class ProductionStartIT {
  private static final Path WORK = Path.of("target", "it", "production-start");

  private static Map<String, String> validEnv(TestDatabase database) {
    Map<String, String> env = new HashMap<>(database.quarkusEnv());
    env.putAll(TestJwt.create(WORK.resolve("jwt")).serviceEnv());
    env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ServiceProcess.freePort());
    env.put("NINJAONE_CLIENT_ID", "client-from-vault");
    env.put("NINJAONE_CLIENT_SECRET", "secret-from-vault");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(ServiceProcess.freePort()));
    return env;
  }

  @Test
  void placeholderSecretAndMissingKeyStopTheStartWithOneLineNamingEach() throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      Map<String, String> env = validEnv(database);
      env.remove("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
      env.put("NINJAONE_CLIENT_SECRET", "REPLACE_ME");
      Path log = Files.createDirectories(WORK).resolve("refused.log");
      ProcessBuilder builder =
          ServiceProcess.javaLikeTheService(List.of("-jar", serviceJar()))
              .directory(WORK.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the service should have exited");
      String output = Files.readString(log, StandardCharsets.UTF_8);

      assertNotEquals(0, process.exitValue(), output);
      List<String> refusal = output.lines().filter(l -> l.contains("Refusing to start")).toList();
      assertEquals(
          List.of(
              "Refusing to start: MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set (no key to verify the ops"
                  + " API's tokens); NINJAONE_CLIENT_SECRET holds a placeholder. Set them from a Secret (deploy/k8s/README.md,"
                  + " section Secrets)."),
          refusal,
          output);
      assertTrue(
          output.lines().noneMatch(l -> l.strip().startsWith("at ")), "no stack trace:\n" + output);
    }
  }

  @Test
  void openApiAndSwaggerUiAreOffUnlessEnabledAndReadinessNeedsNoKafka() throws IOException {
    try (TestDatabase database = TestDatabase.create();
        ServiceProcess service = ServiceProcess.start("no-openapi", WORK, validEnv(database))) {
      service.awaitReady(Duration.ofSeconds(90));
      RestAssured.given().baseUri(service.baseUrl()).get("/q/openapi").then().statusCode(404);
      RestAssured.given().baseUri(service.baseUrl()).get("/q/swagger-ui").then().statusCode(404);
      RestAssured.given()
          .baseUri(service.baseUrl())
          .get("/q/health/group/kafka")
          .then()
          .statusCode(503);
    }
  }

  private static String serviceJar() {
    return Path.of(System.getProperty("service.jar", "target/quarkus-app/quarkus-run.jar"))
        .toAbsolutePath()
        .toString();
  }
}
