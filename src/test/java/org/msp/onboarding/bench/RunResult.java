package org.msp.onboarding.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one contender on one workload; public fields, written as they are into
 * results.json.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RunResult {
  /** "burst", "budget", "cost", "processes", "shared-budget", "shared-budget-429" or "backlog". */
  public String group;

  /** Human label of the workload, e.g. "burst 1000 @ 50 ms". */
  public String workload;

  /** "service", "dbos" or "raw". */
  public String contender;

  public int latencyMs;
  public int requests;
  public int completed;
  public int failed;
  public int processes = 1;
  public int workers;

  /** NinjaOne requests per second the contender was held to; 0 = none. */
  public double budget;

  public Integer seededOrganizations;
  public double seconds;
  public double sagasPerSecond;
  public double p50Seconds;
  public double p95Seconds;
  public double p99Seconds;

  /**
   * Service only, to tell where latency goes: requests accepted (saga committed) per second from
   * the first publish, and the p50 of accepted-to-completed.
   */
  public Double acceptedPerSecond;

  public Double acceptedToCompletedP50Seconds;
  public double ninjaOneCallsPerSaga;

  /**
   * xact_commit delta of the contender's database divided by completed sagas; null for the raw
   * baseline.
   */
  public Double postgresTransactionsPerSaga;

  public double peakRssMb;
  public double cpuSecondsPerSaga;

  /**
   * Busy CPU seconds of the whole machine per saga (every process): when the cores are saturated,
   * this sets the pace.
   */
  public double machineCpuSecondsPerSaga;

  /** Budget runs: NinjaOne calls per second over the run, and the most in any 1-second window. */
  public Double callsPerSecond;

  public Integer maxCallsInAnySecond;

  /** The most calls in one calendar second (how an API that counts per second would see it). */
  public Integer maxCallsInAlignedSecond;

  /**
   * Budget runs: calls per second while work waited (service: while more sagas were unfinished than
   * all its workers drive; others: from the first call + 1 s to the last - 2 s); and every second's
   * calls from the first, to show a drop and recovery.
   */
  public Double sustainedCallsPerSecond;

  public List<Integer> callsPerSecondTimeline;

  /** Calls NinjaOne (the simulator) answered with 429. */
  public Long throttledCalls;

  /** Backlog run: resident memory sampled once a second (MB). */
  public List<Double> rssSamplesMb;

  public Integer accepted;
  public String error;
  public List<String> notes = new ArrayList<>();

  /**
   * The backlog check is about memory: reaching its time cap with sagas still waiting is expected.
   */
  boolean ok() {
    return error == null && (completed == requests || group.equals("backlog"));
  }
}
