package org.msp.onboarding.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ./bench --smoke in the test suite: proves the benchmark command works end to end (all three
 * contenders run all their sagas, the reports are written). It asserts no speed: figures from a
 * 20-request run on a busy CI machine mean nothing, and speed is what the full ./bench run is for.
 */
class BenchmarkSmokeIT {

  @Test
  void smokeRunCompletesEverySagaOfEveryContenderAndWritesTheReports() throws Exception {
    Path out = Path.of(System.getProperty("it.work.dir", "target/it"), "bench-smoke");
    List<RunResult> results =
        Benchmark.run(BenchOptions.parse(new String[] {"--smoke", "--out", out.toString()}));

    Set<String> contenders = results.stream().map(r -> r.contender).collect(Collectors.toSet());
    assertEquals(Set.of("service", "dbos", "raw"), contenders);
    for (RunResult r : results) {
      String run = r.workload + " / " + r.contender;
      assertNull(r.error, run);
      assertEquals(r.requests, r.completed, run + ": sagas completed");
      assertTrue(r.ninjaOneCallsPerSaga > 0, run + ": NinjaOne calls were counted");
    }
    assertTrue(Files.size(out.resolve("results.json")) > 0, "results.json");
    assertTrue(
        Files.readString(out.resolve("results.md")).contains("| burst 20 @ 0 ms | service |"),
        "results.md");
    byte[] png = Files.readAllBytes(out.resolve("chart.png"));
    assertTrue(
        png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "chart.png is a PNG");
  }
}
