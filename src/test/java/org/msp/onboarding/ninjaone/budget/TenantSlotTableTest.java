package org.msp.onboarding.ninjaone.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.TestDatabase;

/**
 * The shared budget on a real PostgreSQL: several "instances" (each its own pool and table view) on
 * one row.
 */
class TenantSlotTableTest {
  private static TestDatabase database;
  private static final List<AgroalDataSource> pools = new ArrayList<>();

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.create();
    TestPool.migrate(database);
  }

  @AfterAll
  static void dropDatabase() {
    pools.forEach(AgroalDataSource::close);
    database.close();
  }

  /** One instance's view of the tenant's row, through a pool of its own. */
  private static TenantSlotTable instance(String tenant, Aimd aimd) throws Exception {
    AgroalDataSource pool = TestPool.open(database, 2);
    pools.add(pool);
    return new TenantSlotTable(pool, tenant, aimd);
  }

  /** Budget 40, halved on a throttle, +4/s per {@code raiseEvery}; at least 1/s. */
  private static Aimd aimd(Duration cutCooldown, Duration raiseEvery) {
    return new Aimd(40, 0.5, cutCooldown, 4, raiseEvery, 1);
  }

  /** Cuts that stay put for the length of a test. */
  private static Aimd lasting() {
    return aimd(Duration.ofMinutes(1), Duration.ofMinutes(1));
  }

  @Test
  void slotsOfAllInstancesAreSpacedAtLeastOneOverTheRateApart() throws Exception {
    Aimd aimd = Aimd.forBudget(50);
    List<TenantSlotTable> instances =
        List.of(
            instance("t-spacing", aimd), instance("t-spacing", aimd), instance("t-spacing", aimd));
    // Each batch's slots are mapped from the database's clock to this JVM's after its round trip:
    // the mapping is off by at most that round trip, so two slots may look closer by the sum of
    // their batches' round trips (a busy machine makes them long), never by more.
    record Slot(long nanos, long roundTripNanos) {}
    List<Slot> slots = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      for (TenantSlotTable table : instances) {
        long sent = System.nanoTime();
        SlotBatch batch = table.reserve(1 + round % 4);
        long roundTrip = System.nanoTime() - sent;
        for (int i = 0; i < batch.count(); i++) {
          slots.add(new Slot(batch.slotNanos(i), roundTrip));
        }
      }
    }
    slots.sort(java.util.Comparator.comparingLong(Slot::nanos));
    long spacing = SlotBatch.spacingNanos(50);
    for (int i = 1; i < slots.size(); i++) {
      long gap = slots.get(i).nanos() - slots.get(i - 1).nanos();
      long tolerance =
          slots.get(i).roundTripNanos()
              + slots.get(i - 1).roundTripNanos()
              + TimeUnit.MICROSECONDS.toNanos(100);
      assertTrue(
          gap >= spacing - tolerance,
          "slots "
              + gap / 1000
              + " us apart at a spacing of "
              + spacing / 1000
              + " (round trips "
              + tolerance / 1000
              + " us)");
    }
  }

  @Test
  void threeInstancesTogetherNeverLetMoreCallsGoThanTheBudgetInAnySecondAndUseMostOfIt()
      throws Exception {
    double budget = 40;
    int threadsEach = 8;
    Duration run = Duration.ofSeconds(6);
    SimpleMeterRegistry registry =
        new SimpleMeterRegistry(); // the three instances' counters add up here
    List<PacedRequestBudget> instances = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      instances.add(
          new PacedRequestBudget(
              instance("t-shared", Aimd.forBudget(budget)), budget, new BudgetMetrics(registry)));
    }
    List<Long> calls = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(3 * threadsEach);
    long start = System.nanoTime();
    long end = start + run.toNanos();
    List<Future<?>> workers = new ArrayList<>();
    for (PacedRequestBudget instance : instances) {
      for (int t = 0; t < threadsEach; t++) {
        workers.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < end) {
                    calls.add(instance.awaitTurn());
                  }
                }));
      }
    }
    for (Future<?> worker : workers) {
      worker.get(run.toSeconds() + 30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    List<Long> inRun = calls.stream().filter(at -> at < end).sorted().toList();
    int busiest = Windows.maxInAnySecond(inRun);
    double rate = inRun.size() / (run.toNanos() / 1e9);
    System.out.printf(
        "3 instances x %d threads, budget %.0f/s: %d calls in %d s = %.1f/s (%.0f%% of the budget),"
            + " at most %d in any 1-s window; %.0f reservations (%.2f per call), %.0f slots missed%n",
        threadsEach,
        budget,
        inRun.size(),
        run.toSeconds(),
        rate,
        100 * rate / budget,
        busiest,
        registry.get("ninjaone.budget.reservations").counter().count(),
        registry.get("ninjaone.budget.reservations").counter().count() / calls.size(),
        registry.get("ninjaone.budget.missed.slots").counter().count());
    assertTrue(busiest <= budget, busiest + " calls in one second at a budget of " + budget);
    assertTrue(rate >= 0.7 * budget, "only " + rate + " calls/s at a budget of " + budget);
  }

  @Test
  void aThrottleSeenByOneInstanceHalvesTheRateOfAll() throws Exception {
    TenantSlotTable first = instance("t-cut", lasting());
    TenantSlotTable second = instance("t-cut", lasting());
    assertEquals(40, first.reserve(1).rate());
    first.throttled();
    assertEquals(20, second.reserve(1).rate());
  }

  @Test
  void throttlesArrivingTogetherCutTheRateOnce() throws Exception {
    TenantSlotTable first = instance("t-once", lasting());
    TenantSlotTable second = instance("t-once", lasting());
    first.reserve(1);
    first.throttled();
    second.throttled();
    first.throttled();
    assertEquals(20, second.reserve(1).rate());
  }

  @Test
  void theRateRecoversStepByStepToTheBudgetButNeverAbove() throws Exception {
    TenantSlotTable table =
        instance("t-recover", aimd(Duration.ofMinutes(1), Duration.ofMillis(100)));
    table.reserve(1);
    table.throttled();
    List<Double> rates = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline && (rates.isEmpty() || rates.get(rates.size() - 1) < 40)) {
      rates.add(table.reserve(1).rate());
      Thread.sleep(20);
    }
    System.out.println(
        "rates after a cut, one reservation per 20 ms: " + rates.stream().distinct().toList());
    assertEquals(40, rates.get(rates.size() - 1));
    for (int i = 1; i < rates.size(); i++) {
      assertTrue(
          rates.get(i) - rates.get(i - 1) <= 4 + 1e-9, "a jump larger than one step: " + rates);
    }
    assertTrue(rates.stream().distinct().count() >= 5, "not step by step: " + rates);
  }

  @Test
  void repeatedThrottlesNeverTakeTheRateBelowTheFloor() throws Exception {
    TenantSlotTable table = instance("t-floor", aimd(Duration.ZERO, Duration.ofMinutes(1)));
    table.reserve(1);
    for (int i = 0; i < 10; i++) {
      table.throttled();
    }
    assertEquals(1, table.reserve(1).rate());
  }

  @Test
  void eachTenantHasABudgetOfItsOwn() throws Exception {
    TenantSlotTable us = instance("https://app.ninjarmm.com", lasting());
    TenantSlotTable eu = instance("https://eu.ninjarmm.com", lasting());
    us.reserve(1);
    eu.reserve(1);
    us.throttled();
    assertEquals(40, eu.reserve(1).rate());
  }
}
