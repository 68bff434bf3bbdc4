package org.msp.onboarding.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.ServiceProcess;
import org.msp.onboarding.harness.TestDatabase;
import org.msp.onboarding.harness.TestJwt;

/**
 * The packaged service checks its NinjaOne settings (ninjaone/NinjaOneConfig) before it does
 * anything: a value that makes no sense stops the start with the setting's name, instead of a
 * service that runs and fails every saga.
 */
class SettingsValidationIT {
  private static final Path WORK = Path.of("target", "it", "settings-validation");

  @Test
  void nonsenseNinjaOneSettingsStopTheStartNamingEach() throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      Map<String, String> env = new HashMap<>(database.quarkusEnv());
      env.putAll(TestJwt.create(WORK.resolve("jwt")).serviceEnv());
      env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ServiceProcess.freePort());
      env.put("NINJAONE_CLIENT_ID", "client-from-vault");
      env.put("NINJAONE_CLIENT_SECRET", "secret-from-vault");
      env.put("QUARKUS_HTTP_PORT", Integer.toString(ServiceProcess.freePort()));
      env.put("NINJAONE_REQUESTS_PER_SECOND", "-5");
      env.put("NINJAONE_BASE_URL", "eu.ninjarmm.com");

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
      assertTrue(output.contains("ninjaone.requests-per-second"), output);
      assertTrue(output.contains("ninjaone.base-url"), output);
      assertTrue(output.lines().noneMatch(l -> l.contains("Listening on")), output);
    }
  }

  private static String serviceJar() {
    return Path.of(System.getProperty("service.jar", "target/quarkus-app/quarkus-run.jar"))
        .toAbsolutePath()
        .toString();
  }
}
