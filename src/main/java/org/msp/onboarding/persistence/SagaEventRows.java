package org.msp.onboarding.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.msp.onboarding.saga.Saga;
import org.msp.onboarding.saga.SagaEvent;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.StepRun;
import org.msp.onboarding.saga.Work;

/**
 * Writes what a saga's transition produced, in the caller's transaction: its status events to the
 * outbox, deployment and clean-up tasks, the attempt history. Each event is then fired to CDI
 * observers: in the transaction (the name index) or after its commit (the counters).
 */
@ApplicationScoped
public class SagaEventRows {
  private final SagaJson json;
  private final Event<SagaEvent> observers;
  private final PendingRows pending;

  public SagaEventRows(SagaJson json, Event<SagaEvent> observers, PendingRows pending) {
    this.json = json;
    this.observers = observers;
    this.pending = pending;
  }

  /** The rows of the events the saga raised since they were last written, sent now. */
  void write(Saga saga, Instant now) {
    write(saga, List.of(), now);
  }

  /**
   * The history rows of the runs just recorded and the rows of the events the saga raised since
   * they were last written, sent now: one statement per table.
   */
  void write(Saga saga, List<StepRun> runs, Instant now) {
    collect(saga, runs, now);
    pending.flush();
  }

  /**
   * As {@link #write(Saga, Instant)}, but the rows are sent when the transaction commits, so that a
   * batch of sagas costs one statement per table.
   */
  void collect(Saga saga, Instant now) {
    collect(saga, List.of(), now);
  }

  private void collect(Saga saga, List<StepRun> runs, Instant now) {
    for (StepRun ran : runs) {
      attempt(ran.work(), ran.outcome(), now);
    }
    List<SagaEvent> events = saga.takeRaised();
    if (events.isEmpty()) {
      return;
    }
    for (SagaEvent event : events) {
      write(saga, event, now);
      observers.fire(event);
    }
  }

  private void write(Saga saga, SagaEvent event, Instant now) {
    if (event instanceof SagaEvent.Started) {
      outbox(saga, "SagaStarted", null, null, Map.of(), now);
    } else if (event instanceof SagaEvent.StepSucceeded e) {
      outbox(saga, "StepSucceeded", "step", e.step().name(), Map.of(), now);
    } else if (event instanceof SagaEvent.Completed) {
      outbox(saga, "SagaCompleted", null, null, Map.of(), now);
    } else if (event instanceof SagaEvent.Compensated e) {
      outbox(saga, "SagaCompensated", "detail", e.detail(), Map.of(), now);
    } else if (event instanceof SagaEvent.Failed e) {
      outbox(saga, "SagaFailed", "detail", e.detail(), Map.of(), now);
    } else if (event instanceof SagaEvent.DeploymentTasksDue e) {
      for (PendingRows.Task task : deploymentTasks(saga, e, now)) {
        taskRecorded(saga, task, now);
      }
    } else if (event instanceof SagaEvent.DeploymentTasksCancelled) {
      pending.flush(); // the tasks it cancels may still be pending
      AgentDeploymentTaskEntity.update(
          "status = ?1, updatedAt = ?2 where sagaId = ?3 and status = ?4",
          AgentDeploymentTaskEntity.CANCELLED,
          now,
          saga.id(),
          AgentDeploymentTaskEntity.PENDING);
    } else if (event instanceof SagaEvent.OrganizationTasksCancelled e) {
      pending.flush();
      AgentDeploymentTaskEntity.update(
          "status = ?1, updatedAt = ?2 where organizationId = ?3 and status = ?4",
          AgentDeploymentTaskEntity.CANCELLED,
          now,
          e.organizationId(),
          AgentDeploymentTaskEntity.PENDING);
    } else if (event instanceof SagaEvent.CleanupDue e) {
      cleanupTask(saga, e, now);
    }
    // OrganizationNamed: the name index's own observer writes it
  }

  /** One history row per run of a step or of its compensation; a checkpoint is not a run's end. */
  private void attempt(Work work, StepOutcome outcome, Instant now) {
    if (outcome instanceof StepOutcome.Checkpoint) {
      return;
    }
    pending.add(
        new PendingRows.Attempt(
            work.sagaId(),
            work.step().name(),
            work.phase().name(),
            work.attempt(),
            outcome.getClass().getSimpleName(),
            errorOf(outcome),
            now));
  }

  private List<PendingRows.Task> deploymentTasks(
      Saga saga, SagaEvent.DeploymentTasksDue due, Instant now) {
    List<PendingRows.Task> tasks = new ArrayList<>(due.tasks().size());
    for (SagaEvent.DeploymentTask planned : due.tasks()) {
      PendingRows.Task task =
          new PendingRows.Task(
              UUID.randomUUID(),
              saga.id(),
              due.organizationId(),
              planned.locationId(),
              planned.locationName(),
              planned.installerType(),
              planned.nodeRoleId(),
              planned.installerUrl(),
              now);
      pending.add(task);
      tasks.add(task);
    }
    return tasks;
  }

  private void taskRecorded(Saga saga, PendingRows.Task task, Instant now) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("taskId", task.id());
    extra.put("organizationId", task.organizationId());
    extra.put("locationId", task.locationId());
    extra.put("installerType", task.installerType());
    extra.put("installerUrl", task.installerUrl());
    outbox(saga, "AgentDeploymentTaskRecorded", null, null, extra, now);
  }

  private void cleanupTask(Saga saga, SagaEvent.CleanupDue due, Instant now) {
    CleanupTaskEntity task = new CleanupTaskEntity();
    task.id = UUID.randomUUID();
    task.sagaId = saga.id();
    task.organizationId = due.organizationId();
    task.description = due.description();
    task.status = "OPEN";
    task.createdAt = now;
    task.persist();
  }

  private void outbox(
      Saga saga,
      String type,
      String detailKey,
      String detail,
      Map<String, Object> extra,
      Instant now) {
    UUID id = UUID.randomUUID();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("id", id);
    payload.put("type", type);
    payload.put("sagaId", saga.id());
    payload.put("sagaType", saga.type());
    payload.put("clientId", saga.clientId());
    payload.put("occurredAt", now.toString());
    payload.put("status", statusWith(type));
    if (saga.organizationId() != null) {
      payload.put("organizationId", saga.organizationId());
    }
    if (detail != null) {
      payload.put(detailKey, detail);
    }
    payload.putAll(extra);
    pending.add(
        new PendingRows.Outbox(id, saga.id(), saga.clientId(), type, json.write(payload), now));
  }

  /**
   * The saga's status when the event happened: the terminal events end it, every other one is
   * raised while it runs (written after the transition, the row may already say more).
   */
  private static SagaStatus statusWith(String type) {
    return switch (type) {
      case "SagaCompleted" -> SagaStatus.COMPLETED;
      case "SagaCompensated" -> SagaStatus.COMPENSATED;
      case "SagaFailed" -> SagaStatus.FAILED;
      default -> SagaStatus.RUNNING;
    };
  }

  private static String errorOf(StepOutcome outcome) {
    if (outcome instanceof StepOutcome.RetryLater r) {
      return r.error();
    }
    if (outcome instanceof StepOutcome.Failed f) {
      return f.code() + ": " + f.error();
    }
    if (outcome instanceof StepOutcome.Paused p) {
      return "not counted, NinjaOne is down for everyone: " + p.error();
    }
    return null;
  }
}
