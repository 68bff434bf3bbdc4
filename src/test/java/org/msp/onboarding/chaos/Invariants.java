package org.msp.onboarding.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.msp.onboarding.it.Events;
import org.msp.onboarding.simulator.NinjaOneSimulator;
import org.msp.onboarding.simulator.SimLocation;
import org.msp.onboarding.simulator.SimOrganization;

/**
 * The end-of-run checks, read straight from the sources of truth: the database (sagas, steps,
 * tasks), the simulator's state (what really exists in "NinjaOne"), the events and dead-letter
 * topics, the taps' call logs and the service logs. The ops API is not used: it is about to need a
 * token, and it would only repeat the database.
 */
final class Invariants {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ACTIVE = Set.of("RUNNING", "COMPENSATING");
  private static final Map<String, String> TERMINAL_EVENT =
      Map.of(
          "COMPLETED", "SagaCompleted", "COMPENSATED", "SagaCompensated", "FAILED", "SagaFailed");
  private static final String MARKER = "onboardingSagaId";
  private static final String ROLLED_BACK_TAG = "onboarding-rolled-back";
  private static final Pattern UUID_PATTERN =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private record SagaRow(
      UUID id,
      String eventId,
      String clientId,
      String name,
      String status,
      Long organizationId,
      String failureCode,
      String failureReason,
      String leaseOwner,
      Timestamp nextAttemptAt) {
    boolean active() {
      return ACTIVE.contains(status);
    }
  }

  private Invariants() {}

  static void check(
      ChaosReport report,
      RequestPublisher publisher,
      ChaosDatabase database,
      NinjaOneSimulator ninjaOne,
      TopicTail events,
      TopicTail deadLetters,
      List<ServiceInstance> instances,
      Duration eventWait,
      long windowStartNanos)
      throws SQLException, InterruptedException {
    Map<String, Events.Event> published = publisher.published();
    List<Events.Event> requested = publisher.requested();
    report.requested = requested.size();
    report.published = published.size();
    report.resent = publisher.resent();

    List<SagaRow> sagas = loadSagas(database);
    Map<String, SagaRow> byEvent =
        sagas.stream().collect(Collectors.toMap(SagaRow::eventId, s -> s, (a, b) -> a));
    report.sagas = sagas.size();

    checkRequests(report, requested, published, byEvent, deadLetters);
    countOutcomes(report, sagas);
    checkStuck(report, sagas, database);
    checkNinjaOne(report, sagas, published, ninjaOne, database);
    Set<String> eventIdsOnTopic = checkEvents(report, sagas, events, eventWait);
    explainMissingEvents(report, sagas, database, eventIdsOnTopic);
    report.statusEventsNotOnTopic = OutboxAudit.notOnTopic(database, eventIdsOnTopic);
    scanLogs(report, instances);
    checkCalls(report, instances, ninjaOne, windowStartNanos);
  }

  // ---- requests: lost, dead-lettered, one saga per client ----

  private static void checkRequests(
      ChaosReport report,
      List<Events.Event> requested,
      Map<String, Events.Event> published,
      Map<String, SagaRow> byEvent,
      TopicTail deadLetters) {
    Set<String> deadLettered = new HashSet<>();
    for (TopicTail.Entry entry : deadLetters.entries()) {
      report.deadLettered++;
      report.deadLetterReasons.merge(
          normalise(String.valueOf(entry.deadLetterReason())), 1, Integer::sum);
      String eventId = field(entry.value(), "eventId");
      if (eventId != null) {
        deadLettered.add(eventId);
      }
    }
    for (Events.Event event : published.values()) {
      // Lost: Kafka acknowledged it, yet the service neither made a saga of it nor said why (dead
      // letter).
      if (!byEvent.containsKey(event.eventId()) && !deadLettered.contains(event.eventId())) {
        report.lost.add("eventId " + event.eventId() + " clientId " + event.clientId());
      }
    }
    for (Events.Event event : requested) {
      if (!published.containsKey(event.eventId()) && !byEvent.containsKey(event.eventId())) {
        report.unpublished.add("eventId " + event.eventId() + " clientId " + event.clientId());
      }
    }
    byEvent.values().stream()
        .collect(Collectors.groupingBy(SagaRow::clientId, Collectors.counting()))
        .forEach(
            (client, n) -> {
              if (n > 1) {
                report.duplicateSagas.add("clientId " + client + ": " + n + " sagas");
              }
            });
  }

  private static void countOutcomes(ChaosReport report, List<SagaRow> sagas) {
    for (SagaRow saga : sagas) {
      switch (saga.status()) {
        case "COMPLETED" -> report.completed++;
        case "COMPENSATED" -> {
          report.compensated++;
          report.compensatedReasons.merge(
              saga.failureCode() + ": " + normalise(saga.failureReason()), 1, Integer::sum);
        }
        case "FAILED" -> {
          report.failed++;
          report.failedReasons.merge(
              saga.failureCode() + ": " + normalise(saga.failureReason()), 1, Integer::sum);
        }
        default -> {} // still active: counted as stuck below
      }
    }
  }

  private static void checkStuck(ChaosReport report, List<SagaRow> sagas, ChaosDatabase database)
      throws SQLException {
    List<SagaRow> stuck = sagas.stream().filter(SagaRow::active).toList();
    if (stuck.isEmpty()) {
      return;
    }
    Map<UUID, String> steps = new HashMap<>();
    try (Connection c = database.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT s.id, st->>'name', st->>'status', (st->>'attempts')::int,"
                    + " (st->>'compensationAttempts')::int, st->>'lastError', st->>'compensationError',"
                    + " (st->>'nextAttemptAt')::timestamptz"
                    + " FROM saga s, jsonb_array_elements(s.steps) WITH ORDINALITY AS e(st, position)"
                    + " WHERE s.id = ANY(?) AND st->>'status' IN ('RUNNING', 'WAITING_RETRY', 'FAILED')"
                    + " ORDER BY s.id, e.position")) {
      Array ids = c.createArrayOf("uuid", stuck.stream().map(SagaRow::id).toArray());
      ps.setArray(1, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          steps.merge(
              rs.getObject(1, UUID.class),
              rs.getString(2)
                  + "="
                  + rs.getString(3)
                  + " (attempts "
                  + rs.getInt(4)
                  + "/"
                  + rs.getInt(5)
                  + ", next "
                  + rs.getTimestamp(8)
                  + ", error "
                  + trim(rs.getString(6))
                  + " / "
                  + trim(rs.getString(7))
                  + ")",
              (a, b) -> a + "; " + b);
        }
      }
    }
    for (SagaRow saga : stuck) {
      report.stuck.add(
          "saga "
              + saga.id()
              + " client "
              + saga.clientId()
              + " "
              + saga.status()
              + " next attempt "
              + saga.nextAttemptAt()
              + " lease "
              + saga.leaseOwner()
              + " steps: "
              + steps.getOrDefault(saga.id(), "-"));
    }
  }

  // ---- NinjaOne: exactly one organization per request, complete when completed, neutralised when
  // rolled back ----

  private static void checkNinjaOne(
      ChaosReport report,
      List<SagaRow> sagas,
      Map<String, Events.Event> published,
      NinjaOneSimulator ninjaOne,
      ChaosDatabase database)
      throws SQLException {
    List<SimOrganization> organizations = ninjaOne.organizations();
    Map<Long, SimOrganization> byId = new HashMap<>();
    Map<String, List<SimOrganization>> byName = new LinkedHashMap<>();
    Map<String, List<SimOrganization>> byMarker = new LinkedHashMap<>();
    for (SimOrganization org : organizations) {
      byId.put(org.id(), org);
      byName.computeIfAbsent(org.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(org);
      Object marker = org.userData().get(MARKER);
      if (marker != null) {
        byMarker.computeIfAbsent(marker.toString(), k -> new ArrayList<>()).add(org);
      }
    }
    byName.forEach(
        (name, orgs) -> {
          if (orgs.size() > 1) {
            report.duplicateOrganizationsByName.add(
                "'"
                    + orgs.get(0).name()
                    + "': organizations "
                    + ids(orgs)
                    + " markers "
                    + orgs.stream().map(o -> String.valueOf(o.userData().get(MARKER))).toList());
          }
        });
    byMarker.forEach(
        (marker, orgs) -> {
          if (orgs.size() > 1) {
            report.duplicateOrganizationsByMarker.add(
                "saga "
                    + marker
                    + ": organizations "
                    + ids(orgs)
                    + " named "
                    + orgs.stream().map(SimOrganization::name).toList());
          }
        });

    Map<UUID, Map<String, Integer>> tasks = deploymentTasks(database);
    for (SagaRow saga : sagas) {
      Events.Event event = published.get(saga.eventId());
      if (event == null) {
        continue;
      }
      Map<String, Integer> sagaTasks = tasks.getOrDefault(saga.id(), Map.of());
      if (saga.status().equals("COMPLETED")) {
        String problem =
            completedProblem(saga, event, byId.get(saga.organizationId()), ninjaOne, sagaTasks);
        if (problem != null) {
          report.incompleteOrganizations.add(
              "saga " + saga.id() + " (" + saga.name() + "): " + problem);
        }
      } else if (saga.status().equals("COMPENSATED")) {
        Set<SimOrganization> ours =
            new HashSet<>(byMarker.getOrDefault(saga.id().toString(), List.of()));
        if (saga.organizationId() != null && byId.containsKey(saga.organizationId())) {
          ours.add(byId.get(saga.organizationId()));
        }
        for (SimOrganization org : ours) {
          boolean neutral =
              "REJECT".equals(org.nodeApprovalMode())
                  && !org.name().equalsIgnoreCase(saga.name())
                  && org.tags().contains(ROLLED_BACK_TAG);
          if (!neutral) {
            report.rollbacksNotNeutralised.add(
                "saga "
                    + saga.id()
                    + ": organization "
                    + org.id()
                    + " '"
                    + org.name()
                    + "' mode "
                    + org.nodeApprovalMode()
                    + " tags "
                    + org.tags());
          }
        }
        if (sagaTasks.getOrDefault("PENDING", 0) > 0) {
          report.rollbacksNotNeutralised.add(
              "saga "
                  + saga.id()
                  + ": "
                  + sagaTasks.get("PENDING")
                  + " agent-deployment task(s) still PENDING");
        }
      }
    }
  }

  private static String completedProblem(
      SagaRow saga,
      Events.Event event,
      SimOrganization org,
      NinjaOneSimulator ninjaOne,
      Map<String, Integer> tasks) {
    if (org == null) {
      return "organization " + saga.organizationId() + " does not exist in NinjaOne";
    }
    if (!saga.id().toString().equals(String.valueOf(org.userData().get(MARKER)))) {
      return "organization " + org.id() + " carries marker " + org.userData().get(MARKER);
    }
    if (!org.name().equals(event.organizationName())) {
      return "organization " + org.id() + " is named '" + org.name() + "'";
    }
    List<String> problems = new ArrayList<>();
    List<SimLocation> locations = ninjaOne.locations(org.id());
    for (JsonNode wanted : event.organization().path("locations")) {
      String name = wanted.path("name").asText();
      long n = locations.stream().filter(l -> name.equalsIgnoreCase(l.name())).count();
      if (n != 1) {
        problems.add(n + " location(s) named '" + name + "'");
      }
    }
    Set<String> wantedPolicies = new HashSet<>();
    event
        .organization()
        .path("policies")
        .forEach(
            p ->
                wantedPolicies.add(
                    p.path("nodeRoleId").asLong() + ":" + p.path("policyId").asLong()));
    Set<String> policies =
        ninjaOne.policies(org.id()).stream()
            .map(p -> p.nodeRoleId() + ":" + p.policyId())
            .collect(Collectors.toSet());
    if (!policies.equals(wantedPolicies)) {
      problems.add("policies " + policies + " instead of " + wantedPolicies);
    }
    Map<String, Object> fields = ninjaOne.customFields(org.id());
    event
        .organization()
        .path("fields")
        .fields()
        .forEachRemaining(
            f -> {
              if (!f.getValue().asText().equals(String.valueOf(fields.get(f.getKey())))) {
                problems.add("custom field " + f.getKey() + " = " + fields.get(f.getKey()));
              }
            });
    int wantedTasks = event.json().path("agentDeployments").size();
    if (tasks.getOrDefault("PENDING", 0) != wantedTasks) {
      problems.add(tasks + " agent-deployment task(s) instead of " + wantedTasks + " PENDING");
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private static Map<UUID, Map<String, Integer>> deploymentTasks(ChaosDatabase database)
      throws SQLException {
    Map<UUID, Map<String, Integer>> tasks = new HashMap<>();
    try (Connection c = database.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT saga_id, status, count(*) FROM agent_deployment_task GROUP BY 1, 2")) {
      while (rs.next()) {
        tasks
            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
            .put(rs.getString(2), rs.getInt(3));
      }
    }
    return tasks;
  }

  // ---- status events: each terminal saga has its terminal event, in order per client ----

  /** What one pass over the events topic found. */
  private static final class EventFindings {
    final List<String> missingTerminal = new ArrayList<>();
    final List<String> outOfOrder = new ArrayList<>();
    final Set<String> ids = new HashSet<>();
    int read;
    int repeats;
    int wrongKey;
  }

  /** Returns the ids of the events on the topic, for {@link #explainMissingEvents}. */
  private static Set<String> checkEvents(
      ChaosReport report, List<SagaRow> sagas, TopicTail events, Duration wait)
      throws InterruptedException {
    List<SagaRow> terminal = sagas.stream().filter(s -> !s.active()).toList();
    long deadline = System.nanoTime() + wait.toNanos();
    EventFindings findings = analyseEvents(terminal, events.entries());
    // The relay runs every half second; after a broker restart it may still be catching up.
    while (!findings.missingTerminal.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      findings = analyseEvents(terminal, events.entries());
    }
    report.missingTerminalEvents = findings.missingTerminal;
    report.outOfOrderEvents = findings.outOfOrder;
    report.eventsRead = findings.read;
    report.eventRepeats = findings.repeats;
    report.eventsWithWrongKey = findings.wrongKey;
    return findings.ids;
  }

  /** The outbox audit's account of each saga whose terminal event is missing (at most five). */
  private static void explainMissingEvents(
      ChaosReport report,
      List<SagaRow> sagas,
      ChaosDatabase database,
      Set<String> eventIdsOnTopic) {
    Set<String> missing = sagaIdsIn(report.missingTerminalEvents);
    sagas.stream()
        .filter(s -> missing.contains(s.id().toString()))
        .limit(5)
        .forEach(
            saga -> {
              try {
                OutboxAudit.explain(database, saga.id(), eventIdsOnTopic)
                    .forEach(line -> report.evidence.add("saga " + saga.id() + " outbox: " + line));
              } catch (SQLException e) {
                report.evidence.add(
                    "saga " + saga.id() + ": no outbox audit (" + e.getMessage() + ")");
              }
            });
  }

  private static EventFindings analyseEvents(
      List<SagaRow> terminal, List<TopicTail.Entry> entries) {
    EventFindings findings = new EventFindings();
    Set<String> seen = findings.ids;
    Map<String, List<JsonNode>> bySaga = new HashMap<>();
    for (TopicTail.Entry entry : entries) {
      findings.read++;
      JsonNode event = parse(entry.value());
      if (event == null) {
        findings.outOfOrder.add(
            "unreadable event at partition " + entry.partition() + " offset " + entry.offset());
        continue;
      }
      if (!Objects.equals(entry.key(), event.path("clientId").asText(null))) {
        findings.wrongKey++;
      }
      // At least once: a repeat carries the same id and is dropped, keeping the first delivery's
      // position.
      if (!seen.add(event.path("id").asText())) {
        findings.repeats++;
        continue;
      }
      bySaga.computeIfAbsent(event.path("sagaId").asText(), k -> new ArrayList<>()).add(event);
    }
    if (findings.wrongKey > 0) {
      findings.outOfOrder.add(
          findings.wrongKey
              + " event(s) keyed by something other than clientId,"
              + " so their order per client is not guaranteed");
    }
    for (SagaRow saga : terminal) {
      List<JsonNode> sequence = bySaga.getOrDefault(saga.id().toString(), List.of());
      String wanted = TERMINAL_EVENT.get(saga.status());
      List<String> types = sequence.stream().map(e -> e.path("type").asText()).toList();
      if (!types.contains(wanted)) {
        findings.missingTerminal.add(
            "saga " + saga.id() + " " + saga.status() + ": no " + wanted + " among " + types);
        continue;
      }
      String problem = orderProblem(sequence, wanted);
      if (problem != null) {
        findings.outOfOrder.add(
            "saga " + saga.id() + " client " + saga.clientId() + ": " + problem + " in " + types);
      }
    }
    return findings;
  }

  /**
   * Among the events that arrived: SagaStarted first, the terminal event last, occurredAt never
   * going back. A lost event is not an order problem; the outbox audit counts those.
   */
  private static String orderProblem(List<JsonNode> sequence, String terminalType) {
    List<String> types = sequence.stream().map(e -> e.path("type").asText()).toList();
    int started = types.indexOf("SagaStarted");
    if (started > 0) {
      return "SagaStarted is not the first event";
    }
    if (types.lastIndexOf(terminalType) != types.size() - 1) {
      return terminalType + " is not the last event";
    }
    Instant previous = Instant.MIN;
    for (JsonNode event : sequence) {
      Instant at = Instant.parse(event.path("occurredAt").asText());
      if (at.isBefore(previous)) {
        return "occurredAt goes back at "
            + event.path("type").asText()
            + " ("
            + at
            + " < "
            + previous
            + ")";
      }
      previous = at;
    }
    return null;
  }

  // ---- several instances: one process at a time per saga, seen from the NinjaOne side ----

  private static void checkCalls(
      ChaosReport report, List<ServiceInstance> instances, NinjaOneSimulator ninjaOne, long epoch) {
    Map<Long, String> sagaOfOrganization = new HashMap<>();
    for (SimOrganization org : ninjaOne.organizations()) {
      Object marker = org.userData().get(MARKER);
      if (marker != null) {
        sagaOfOrganization.put(org.id(), marker.toString());
      }
    }
    Map<String, List<NinjaOneTap.Call>> bySaga = new HashMap<>();
    for (ServiceInstance instance : instances) {
      List<NinjaOneTap.Call> calls = instance.tap().calls();
      report.callsPerInstance.put(instance.name(), (long) calls.size());
      for (NinjaOneTap.Call call : calls) {
        String saga =
            call.sagaId() != null
                ? call.sagaId().toString()
                : call.organizationId() != null
                    ? sagaOfOrganization.get(call.organizationId())
                    : null;
        if (saga != null) {
          bySaga.computeIfAbsent(saga, k -> new ArrayList<>()).add(call);
        }
      }
    }
    // A saga's steps run one after the other in one worker, so its calls never overlap unless two
    // processes drive
    // it at once. Calls of the same process are exempt: only the lease between processes is under
    // test here.
    // The creates behind a duplicate, and what a saga driven by two processes called, in window
    // time.
    Set<String> duplicated = sagaIdsIn(report.duplicateOrganizationsByMarker);
    Set<String> twice = sagaIdsIn(report.stepsRunTwice);
    bySaga.forEach(
        (saga, calls) -> {
          boolean create = duplicated.contains(saga);
          if (create || twice.contains(saga)) {
            calls.stream()
                .filter(
                    c ->
                        !create
                            || (c.method().equals("POST") && c.path().endsWith("/organizations")))
                .sorted(Comparator.comparingLong(NinjaOneTap.Call::startNanos))
                .forEach(
                    c ->
                        report.evidence.add(
                            String.format(
                                Locale.ROOT,
                                "saga %s %s: %s#%d %s %s at +%.2f..+%.2f s answered %d",
                                saga,
                                create ? "create" : "call",
                                c.instance(),
                                c.incarnation(),
                                c.method(),
                                c.path(),
                                (c.startNanos() - epoch) / 1e9,
                                (c.endNanos() - epoch) / 1e9,
                                c.status())));
          }
        });
    bySaga.forEach(
        (saga, calls) -> {
          calls.sort(Comparator.comparingLong(NinjaOneTap.Call::startNanos));
          NinjaOneTap.Call longest = null;
          for (NinjaOneTap.Call call : calls) {
            if (longest != null
                && call.startNanos() < longest.endNanos()
                && !sameProcess(call, longest)) {
              report.overlappingCalls.add(
                  String.format(
                      Locale.ROOT,
                      "saga %s: %s#%d %s %s (+%.2f..+%.2f s) overlaps %s#%d %s %s started +%.2f s",
                      saga,
                      longest.instance(),
                      longest.incarnation(),
                      longest.method(),
                      longest.path(),
                      (longest.startNanos() - epoch) / 1e9,
                      (longest.endNanos() - epoch) / 1e9,
                      call.instance(),
                      call.incarnation(),
                      call.method(),
                      call.path(),
                      (call.startNanos() - epoch) / 1e9));
            }
            if (longest == null || call.endNanos() > longest.endNanos()) {
              longest = call;
            }
          }
        });
  }

  private static boolean sameProcess(NinjaOneTap.Call a, NinjaOneTap.Call b) {
    return a.instance().equals(b.instance()) && a.incarnation() == b.incarnation();
  }

  /**
   * "lease on saga X was lost" means a live worker ran a step of X (NinjaOne calls included) after
   * another process had taken X over: the step ran in two processes, only the late outcome was
   * dropped. The NinjaOne call overlap check cannot always see this, because the two runs' calls
   * need not overlap in time.
   */
  private static void scanLogs(ChaosReport report, List<ServiceInstance> instances) {
    Set<String> duplicated = sagaIdsIn(report.duplicateOrganizationsByMarker);
    for (ServiceInstance instance : instances) {
      try (Stream<String> lines = Files.lines(instance.logFile())) {
        lines.forEach(
            line -> {
              // What the service said about a saga that ended up with two organizations (MDC puts
              // the id in the line).
              boolean leaseLost = line.contains("lease on saga") && line.contains("was lost");
              if ((leaseLost || line.contains("could not record the outcome"))
                  && duplicated.stream().anyMatch(line::contains)) {
                report.evidence.add(instance.name() + " log: " + trim(line, 260));
              }
              if (leaseLost) {
                report.leaseLostLogLines++;
                Matcher m = UUID_PATTERN.matcher(line);
                report.stepsRunTwice.add(
                    "saga "
                        + (m.find() ? m.group() : "?")
                        + ": "
                        + instance.name()
                        + " at "
                        + line.substring(0, Math.min(12, line.length()))
                        + " ran a step after another process had taken the"
                        + " saga over (its outcome was dropped)");
              } else if (line.contains("could not record the outcome")) {
                report.unrecordedOutcomeLogLines++;
              }
            });
      } catch (IOException | java.io.UncheckedIOException e) {
        System.err.println("[chaos] cannot read " + instance.logFile() + ": " + e);
      }
    }
  }

  // ---- helpers ----

  private static List<SagaRow> loadSagas(ChaosDatabase database) throws SQLException {
    List<SagaRow> sagas = new ArrayList<>();
    try (Connection c = database.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT id, event_id, client_id, organization_name, status, organization_id,"
                    + " failure_code, failure_reason, lease_owner, next_attempt_at FROM saga")) {
      while (rs.next()) {
        long org = rs.getLong(6);
        sagas.add(
            new SagaRow(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.wasNull() ? null : org,
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10)));
      }
    }
    return sagas;
  }

  /** The saga id each line names first ("saga <id> ..."). */
  private static Set<String> sagaIdsIn(List<String> lines) {
    Set<String> ids = new HashSet<>();
    for (String line : lines) {
      Matcher m = UUID_PATTERN.matcher(line);
      if (m.find()) {
        ids.add(m.group());
      }
    }
    return ids;
  }

  /** Groups reasons that differ only in ids, numbers and timings. */
  static String normalise(String reason) {
    if (reason == null) {
      return "(no reason)";
    }
    String s =
        UUID_PATTERN
            .matcher(reason)
            .replaceAll("<id>")
            .replaceAll("\\d+", "#")
            .replaceAll("\\s+", " ");
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }

  private static String trim(String s) {
    return trim(s, 120);
  }

  private static String trim(String s, int max) {
    return s == null ? "-" : s.length() > max ? s.substring(0, max) + "..." : s;
  }

  private static String ids(List<SimOrganization> orgs) {
    return orgs.stream()
        .map(o -> Long.toString(o.id()))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static JsonNode parse(String json) {
    try {
      return json == null ? null : JSON.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  private static String field(String json, String name) {
    JsonNode node = parse(json);
    return node == null ? null : node.path(name).asText(null);
  }
}
