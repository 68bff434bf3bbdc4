package org.msp.onboarding.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a chaos run found. A plain holder filled in by {@link Invariants}: the test asserts on the
 * fields, the command prints {@link #format()}. Lists hold one line per offending saga or
 * organization, so a failure names exactly what went wrong.
 */
public final class ChaosReport {
  public ChaosConfig config;
  public String workDir;
  public List<String> stack = new ArrayList<>();

  // requests and outcomes
  public int requested;
  public int published;
  public int resent;
  public List<String> unpublished = new ArrayList<>();
  public int sagas;
  public int completed;
  public int compensated;
  public int failed;
  public Map<String, Integer> compensatedReasons = new TreeMap<>();
  public Map<String, Integer> failedReasons = new TreeMap<>();
  public int deadLettered;
  public Map<String, Integer> deadLetterReasons = new TreeMap<>();

  // invariants: each list must be empty
  public List<String> lost = new ArrayList<>();
  public List<String> duplicateSagas = new ArrayList<>();
  public List<String> duplicateOrganizationsByName = new ArrayList<>();
  public List<String> duplicateOrganizationsByMarker = new ArrayList<>();
  public List<String> stuck = new ArrayList<>();
  public List<String> incompleteOrganizations = new ArrayList<>();
  public List<String> rollbacksNotNeutralised = new ArrayList<>();
  public List<String> missingTerminalEvents = new ArrayList<>();
  public List<String> statusEventsNotOnTopic = new ArrayList<>();
  public List<String> outOfOrderEvents = new ArrayList<>();
  public List<String> overlappingCalls = new ArrayList<>();
  public List<String> stepsRunTwice = new ArrayList<>();
  public List<String> takenOverBeforeLeaseExpiry = new ArrayList<>();

  /** Supporting facts for the problems above: outbox audit rows, the calls behind a duplicate. */
  public List<String> evidence = new ArrayList<>();

  // status events
  public int eventsRead;
  public int eventRepeats;
  public int eventsWithWrongKey;

  // faults
  public Map<String, Integer> faults = new TreeMap<>();
  public Map<String, Long> ninjaOneFaults = new TreeMap<>();
  public int burstCalls;
  public int sessionsTerminated;
  public int callsInFlightAtKills;
  public String pgRestartNote;
  public List<FaultInjector.Injected> timeline = new ArrayList<>();

  /**
   * Wall-clock start of the fault window, to line the timeline up with the services' log
   * timestamps.
   */
  public java.time.LocalTime windowStartedAt;

  // several instances
  public Map<String, Long> callsPerInstance = new LinkedHashMap<>();
  public int sagasLeasedByKilledInstances;
  public int sagasTakenOver;
  public long takeoverMinMillis;
  public long takeoverMedianMillis;
  public long takeoverMaxMillis;
  public String lease;
  public int maxGroupMembers;
  public List<GroupWatch.Layout> groupLayouts = new ArrayList<>();
  public int leaseLostLogLines;
  public int unrecordedOutcomeLogLines;

  // time
  public Duration startupTime = Duration.ZERO;
  public Duration faultWindowTime = Duration.ZERO;
  public Duration settleTime = Duration.ZERO;
  public Duration checkTime = Duration.ZERO;
  public Duration wallTime = Duration.ZERO;

  /** The violated invariants, one line each; empty when the run passed. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    add(problems, "requests Kafka never acknowledged (the run cannot judge them)", unpublished);
    add(problems, "lost requests", lost);
    add(problems, "clients with more than one saga", duplicateSagas);
    add(problems, "duplicate organizations by name", duplicateOrganizationsByName);
    add(problems, "duplicate organizations by saga marker", duplicateOrganizationsByMarker);
    add(problems, "stuck sagas", stuck);
    add(problems, "completed sagas whose NinjaOne setup is incomplete", incompleteOrganizations);
    add(
        problems,
        "compensated sagas whose organization was not neutralised",
        rollbacksNotNeutralised);
    add(problems, "terminal sagas without their terminal event", missingTerminalEvents);
    add(
        problems,
        "status events committed to the outbox but never on the topic",
        statusEventsNotOnTopic);
    add(problems, "sagas whose status events are out of order", outOfOrderEvents);
    add(problems, "NinjaOne calls of one saga from two processes at once", overlappingCalls);
    add(
        problems,
        "steps run by a process that had lost the saga's lease to another",
        stepsRunTwice);
    add(
        problems,
        "sagas taken over before the dead owner's lease expired",
        takenOverBeforeLeaseExpiry);
    if (deadLettered > 0) {
      problems.add(deadLettered + " valid, unique request(s) dead-lettered: " + deadLetterReasons);
    }
    timeline.stream()
        .filter(f -> f.kind().startsWith("FAILED"))
        .forEach(f -> problems.add("fault injection failed: " + f.kind() + ": " + f.detail()));
    return problems;
  }

  public boolean passed() {
    return problems().isEmpty();
  }

  private static void add(List<String> problems, String what, List<String> items) {
    if (!items.isEmpty()) {
      problems.add(items.size() + " " + what);
    }
  }

  public String format() {
    StringBuilder out = new StringBuilder();
    line(out, "================ chaos run report ================");
    line(out, "config:  " + config.describe());
    line(out, "work dir: " + workDir + " (service logs, kafka.log)");
    stack.forEach(s -> line(out, "stack:   " + s));
    line(out, "");
    line(
        out,
        "requested %d, published %d (acknowledged by Kafka; %d resent), sagas %d, dead-lettered %d",
        requested,
        published,
        resent,
        sagas,
        deadLettered);
    line(out, "completed %d, compensated %d, failed %d", completed, compensated, failed);
    compensatedReasons.forEach((reason, n) -> line(out, "  compensated %4d x %s", n, reason));
    failedReasons.forEach((reason, n) -> line(out, "  failed      %4d x %s", n, reason));
    deadLetterReasons.forEach((reason, n) -> line(out, "  dead-letter %4d x %s", n, reason));
    line(out, "");
    line(out, "invariants (all must be 0):");
    line(out, "  lost requests                         %d", lost.size());
    line(out, "  duplicate organizations (by name)     %d", duplicateOrganizationsByName.size());
    line(out, "  duplicate organizations (by marker)   %d", duplicateOrganizationsByMarker.size());
    line(out, "  stuck sagas                           %d", stuck.size());
    line(out, "  clients with more than one saga       %d", duplicateSagas.size());
    line(out, "  completed, NinjaOne setup incomplete  %d", incompleteOrganizations.size());
    line(out, "  compensated, org not neutralised      %d", rollbacksNotNeutralised.size());
    line(out, "  terminal sagas without terminal event %d", missingTerminalEvents.size());
    line(out, "  outbox events never on the topic      %d", statusEventsNotOnTopic.size());
    line(out, "  status events out of order            %d", outOfOrderEvents.size());
    line(out, "  one saga's calls from 2 processes     %d", overlappingCalls.size());
    line(out, "  steps run after the lease was lost    %d", stepsRunTwice.size());
    line(out, "  taken over before lease expiry        %d", takenOverBeforeLeaseExpiry.size());
    line(
        out,
        "status events read %d (%d repeats dropped by id, %d with a key other than clientId)",
        eventsRead,
        eventRepeats,
        eventsWithWrongKey);
    line(out, "");
    line(out, "faults injected:");
    faults.forEach((kind, n) -> line(out, "  %-40s %d", kind, n));
    line(out, "  %-40s %d", "sessions ended by pg_terminate_backend", sessionsTerminated);
    line(out, "  %-40s %d", "NinjaOne calls in flight at the kills", callsInFlightAtKills);
    line(out, "  %-40s %d calls", "NinjaOne 429 bursts, together", burstCalls);
    line(
        out,
        "  NinjaOne simulator faults by kind (random and bursts): %s",
        describeSimulatorFaults());
    if (pgRestartNote != null) {
      line(out, "  note: %s", pgRestartNote);
    }
    line(out, "");
    line(out, "several instances (lease %s):", lease);
    line(out, "  NinjaOne calls per instance: %s", callsPerInstance);
    line(
        out,
        "  consumer group: up to %d member(s) sharing the partitions in a stable group; %d distinct"
            + " assignment(s) seen, e.g.",
        maxGroupMembers,
        groupLayouts.size());
    groupLayouts.stream()
        .limit(6)
        .forEach(l -> line(out, "    +%6.1fs %s", l.atMillis() / 1000.0, l.summary()));
    line(
        out,
        "  sagas leased by an instance when it was killed: %d; taken over by another process: %d"
            + " (after %.1f / %.1f / %.1f s min / median / max)",
        sagasLeasedByKilledInstances,
        sagasTakenOver,
        takeoverMinMillis / 1000.0,
        takeoverMedianMillis / 1000.0,
        takeoverMaxMillis / 1000.0);
    line(
        out,
        "  service log lines: %d 'lease ... was lost' (a late outcome dropped),"
            + " %d 'could not record the outcome'",
        leaseLostLogLines,
        unrecordedOutcomeLogLines);
    line(out, "");
    line(
        out,
        "timeline (from the start of the fault window, %s on the services' log clock):",
        windowStartedAt);
    timeline.forEach(
        f -> line(out, "  +%6.1fs %s: %s", f.atMillis() / 1000.0, f.kind(), f.detail()));
    line(out, "");
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      line(out, "details:");
      details(out, "lost", lost);
      details(out, "duplicate saga", duplicateSagas);
      details(out, "duplicate by name", duplicateOrganizationsByName);
      details(out, "duplicate by marker", duplicateOrganizationsByMarker);
      details(out, "stuck", stuck);
      details(out, "incomplete", incompleteOrganizations);
      details(out, "not neutralised", rollbacksNotNeutralised);
      details(out, "no terminal event", missingTerminalEvents);
      details(out, "event order", outOfOrderEvents);
      details(out, "event not relayed", statusEventsNotOnTopic);
      details(out, "overlap", overlappingCalls);
      details(out, "lease lost", stepsRunTwice);
      details(out, "early takeover", takenOverBeforeLeaseExpiry);
      details(out, "unpublished", unpublished);
      details(out, "evidence", evidence);
      line(out, "");
    }
    line(
        out,
        "wall time %s (stack start %s, fault window %s, settling %s, checks %s)",
        human(wallTime),
        human(startupTime),
        human(faultWindowTime),
        human(settleTime),
        human(checkTime));
    line(out, "RESULT: %s", problems.isEmpty() ? "PASS" : "FAIL - " + String.join("; ", problems));
    line(out, "==================================================");
    return out.toString();
  }

  private String describeSimulatorFaults() {
    long total = ninjaOneFaults.values().stream().mapToLong(Long::longValue).sum();
    Map<String, String> named = new LinkedHashMap<>();
    ninjaOneFaults.forEach(
        (kind, n) ->
            named.put(
                switch (kind) {
                  case "status" -> "5xx";
                  case "throttle" -> "429";
                  case "html" -> "HTML page";
                  case "drop" -> "lost answer";
                  case "delay" -> "2 s delay";
                  default -> kind;
                },
                Long.toString(n)));
    return total + " " + named;
  }

  private static void details(StringBuilder out, String label, List<String> items) {
    // Evidence lines belong to the few offenders above, so more of them are worth showing.
    int limit = label.equals("evidence") ? 150 : 20;
    items.stream().limit(limit).forEach(item -> line(out, "  [%s] %s", label, item));
    if (items.size() > limit) {
      line(out, "  [%s] ... and %d more", label, items.size() - limit);
    }
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s >= 60
        ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
        : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
  }

  @Override
  public String toString() {
    return format();
  }
}
