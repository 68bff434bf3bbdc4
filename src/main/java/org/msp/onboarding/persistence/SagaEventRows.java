package org.msp.onboarding.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.msp.onboarding.saga.Saga;
import org.msp.onboarding.saga.SagaEvent;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.saga.StepOutcome;
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

  public SagaEventRows(SagaJson json, Event<SagaEvent> observers) {
    this.json = json;
    this.observers = observers;
  }

  /** The rows of the events the saga raised since they were last written, in order. */
  void write(Saga saga, Instant now) {
    List<SagaEvent> events = saga.takeRaised();
    if (events.isEmpty()) {
      return;
    }
    // The deployment tasks first, then the status events in their order: Hibernate sends a run of
    // rows of one table as one multi-row INSERT, and interleaving the two tables would split both.
    Map<SagaEvent.DeploymentTasksDue, List<AgentDeploymentTaskEntity>> tasks =
        new IdentityHashMap<>();
    for (SagaEvent event : events) {
      if (event instanceof SagaEvent.DeploymentTasksCancelled
          || event instanceof SagaEvent.OrganizationTasksCancelled) {
        break; // a cancellation must not see tasks raised after it
      }
      if (event instanceof SagaEvent.DeploymentTasksDue due) {
        tasks.put(due, deploymentTasks(saga, due, now));
      }
    }
    for (SagaEvent event : events) {
      write(saga, event, tasks, now);
      observers.fire(event);
    }
  }

  private void write(
      Saga saga,
      SagaEvent event,
      Map<SagaEvent.DeploymentTasksDue, List<AgentDeploymentTaskEntity>> tasks,
      Instant now) {
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
      List<AgentDeploymentTaskEntity> recorded = tasks.get(e);
      for (AgentDeploymentTaskEntity task :
          recorded != null ? recorded : deploymentTasks(saga, e, now)) {
        taskRecorded(saga, task, now);
      }
    } else if (event instanceof SagaEvent.DeploymentTasksCancelled) {
      AgentDeploymentTaskEntity.update(
          "status = ?1, updatedAt = ?2 where sagaId = ?3 and status = ?4",
          AgentDeploymentTaskEntity.CANCELLED,
          now,
          saga.id(),
          AgentDeploymentTaskEntity.PENDING);
    } else if (event instanceof SagaEvent.OrganizationTasksCancelled e) {
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
  void attempt(Work work, StepOutcome outcome, Instant now) {
    if (outcome instanceof StepOutcome.Checkpoint) {
      return;
    }
    StepAttemptEntity attempt = new StepAttemptEntity();
    attempt.sagaId = work.sagaId();
    attempt.stepName = work.step().name();
    attempt.phase = work.phase().name();
    attempt.attempt = work.attempt();
    attempt.outcome = outcome.getClass().getSimpleName();
    attempt.error = errorOf(outcome);
    attempt.recordedAt = now;
    attempt.persist();
  }

  private List<AgentDeploymentTaskEntity> deploymentTasks(
      Saga saga, SagaEvent.DeploymentTasksDue due, Instant now) {
    List<AgentDeploymentTaskEntity> tasks = new ArrayList<>(due.tasks().size());
    for (SagaEvent.DeploymentTask planned : due.tasks()) {
      AgentDeploymentTaskEntity task = new AgentDeploymentTaskEntity();
      task.id = UUID.randomUUID();
      task.sagaId = saga.id();
      task.organizationId = due.organizationId();
      task.locationId = planned.locationId();
      task.locationName = planned.locationName();
      task.installerType = planned.installerType();
      task.nodeRoleId = planned.nodeRoleId();
      task.installerUrl = planned.installerUrl();
      task.status = AgentDeploymentTaskEntity.PENDING;
      task.createdAt = now;
      task.updatedAt = now;
      task.persist();
      tasks.add(task);
    }
    return tasks;
  }

  private void taskRecorded(Saga saga, AgentDeploymentTaskEntity task, Instant now) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("taskId", task.id);
    extra.put("organizationId", task.organizationId);
    extra.put("locationId", task.locationId);
    extra.put("installerType", task.installerType);
    extra.put("installerUrl", task.installerUrl);
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
    OutboxEventEntity event = new OutboxEventEntity();
    event.id = UUID.randomUUID();
    event.sagaId = saga.id();
    event.clientId = saga.clientId();
    event.type = type;
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("id", event.id);
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
    event.payload = json.write(payload);
    event.createdAt = now;
    event.persist();
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
