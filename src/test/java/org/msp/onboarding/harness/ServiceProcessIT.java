package org.msp.onboarding.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged service against a fresh database and a real broker: ready, SIGKILL, restart on the same
 * port. The topics are the ones application.properties names; the service checks them for readiness.
 */
class ServiceProcessIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final String[] TOPICS = {
        "client-onboarding-requests", "client-onboarding-requests-dlq", "client-onboarding-events"};

    private static Path workDir;
    private static TestDatabase database;
    private static KafkaBrokerProcess kafka;

    @BeforeAll
    static void startInfrastructure() {
        workDir = Paths.get(System.getProperty("it.work.dir", "target/it"),
                "service-it-" + System.currentTimeMillis());
        database = TestDatabase.create();
        kafka = KafkaBrokerProcess.start(workDir.resolve("kafka"));
        kafka.createTopics(3, TOPICS);
    }

    @AfterAll
    static void stopInfrastructure() {
        if (kafka != null) {
            kafka.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void readyThenKilledThenRestartedOnTheSamePort() throws Exception {
        int port = ServiceProcess.freePort();
        try (ServiceProcess service = ServiceProcess.start("it", workDir, serviceEnv(port, database.quarkusEnv()))) {
            long started = System.nanoTime();
            service.awaitReady(READY_TIMEOUT);
            System.out.printf("[harness] service ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertEquals(200, status(service.baseUrl() + "/q/health/live"));

            service.kill();
            assertFalse(service.isAlive());
            assertFalse(ProcessSupport.portAccepts(port));

            service.restart();
            assertEquals(port, service.httpPort());
            assertEquals(200, status(service.baseUrl() + "/q/health/ready"));
            assertEquals(2, markers(service.logFile()), "one start marker per run in " + service.logFile());

            service.stop();
            assertFalse(service.isAlive());
        }
    }

    @Test
    void awaitReadyReportsAServiceThatDies() {
        Map<String, String> unreachableDatabase = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + ServiceProcess.freePort() + "/none");
        try (ServiceProcess service = ServiceProcess.start("dies", workDir,
                serviceEnv(ServiceProcess.freePort(), unreachableDatabase))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> service.awaitReady(READY_TIMEOUT));
            assertTrue(e.getMessage().contains("exited with code"), e.getMessage());
            assertTrue(e.getMessage().contains("last lines of"), e.getMessage());
        }
    }

    private static Map<String, String> serviceEnv(int port, Map<String, String> datasource) {
        Map<String, String> env = new HashMap<>(datasource);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        return env;
    }

    private static int status(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long markers(Path log) throws Exception {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.startsWith("==== [harness]")).count();
        }
    }
}
