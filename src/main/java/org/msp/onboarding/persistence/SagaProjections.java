package org.msp.onboarding.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.msp.onboarding.monitoring.SagaCounters;
import org.msp.onboarding.saga.SagaData;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.Work;
import org.msp.onboarding.saga.request.AgentDeploymentRequest;

/**
 * The rows that follow from a saga's state change, written in the same transaction: attempt
 * history, deployment tasks, the clean-up task, and status events for the outbox.
 */
@ApplicationScoped
public class SagaProjections {
  private final SagaJson json;
  private final SagaCounters counters;

  public SagaProjections(SagaJson json, SagaCounters counters) {
    this.json = json;
    this.counters = counters;
  }

  /**
   * After an outcome was applied: its history row, its status events, then the rows that follow
   * from it.
   */
  void afterOutcome(SagaEntity saga, Work work, StepOutcome outcome, SagaData data, Instant now) {
    recordAttempt(saga, work, outcome, now);
    publishRaised(saga, now);
    if (outcome instanceof StepOutcome.Succeeded) {
      onStepDone(saga, work, data, now);
    }
  }

  /** Writes the status events the saga raised to the outbox, in the order raised. */
  void publishRaised(SagaEntity saga, Instant now) {
    for (SagaEvent event : saga.raised) {
      outbox(saga, event.type(), event.detail(), Map.of(), now);
      counters.onEvent(event.type());
    }
    saga.raised.clear();
  }

  private void recordAttempt(SagaEntity saga, Work work, StepOutcome outcome, Instant now) {
    if (outcome instanceof StepOutcome.Checkpoint) {
      return;
    }
    StepAttemptEntity attempt = new StepAttemptEntity();
    attempt.sagaId = saga.id;
    attempt.stepName = work.step().name();
    attempt.phase = work.phase().name();
    attempt.attempt = work.attempt();
    attempt.outcome = outcome.getClass().getSimpleName();
    attempt.error = errorOf(outcome);
    attempt.recordedAt = now;
    attempt.persist();
  }

  private void onStepDone(SagaEntity saga, Work work, SagaData data, Instant now) {
    boolean forward = work.phase() == Work.Phase.FORWARD;
    if (forward && work.step() == StepName.RECORD_AGENT_DEPLOYMENTS) {
      recordDeploymentTasks(saga, data, now);
    } else if (!forward && work.step() == StepName.RECORD_AGENT_DEPLOYMENTS) {
      AgentDeploymentTaskEntity.<AgentDeploymentTaskEntity>list("sagaId", saga.id)
          .forEach(t -> t.cancel(now));
    } else if (!forward
        && work.step() == StepName.CREATE_ORGANIZATION
        && data.rolledBackName != null) {
      recordCleanupTask(saga, data, now);
    }
  }

  private void recordDeploymentTasks(SagaEntity saga, SagaData data, Instant now) {
    for (AgentDeploymentRequest planned : data.deployments) {
      AgentDeploymentTaskEntity task = new AgentDeploymentTaskEntity();
      task.id = UUID.randomUUID();
      task.sagaId = saga.id;
      task.organizationId = data.organizationId;
      task.locationId = data.locationIds.get(planned.location());
      task.locationName = planned.location();
      task.installerType = planned.installerType();
      task.nodeRoleId = planned.nodeRoleId();
      task.installerUrl = data.installerUrls.get(planned.key());
      task.status = AgentDeploymentTaskEntity.PENDING;
      task.createdAt = now;
      task.updatedAt = now;
      task.persist();
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("taskId", task.id);
      extra.put("organizationId", task.organizationId);
      extra.put("locationId", task.locationId);
      extra.put("installerType", task.installerType);
      extra.put("installerUrl", task.installerUrl);
      outbox(saga, "AgentDeploymentTaskRecorded", null, extra, now);
    }
  }

  private void recordCleanupTask(SagaEntity saga, SagaData data, Instant now) {
    CleanupTaskEntity task = new CleanupTaskEntity();
    task.id = UUID.randomUUID();
    task.sagaId = saga.id;
    task.organizationId = data.organizationId;
    task.description =
        "Onboarding of client "
            + saga.clientId
            + " was rolled back ("
            + saga.failureCode
            + "). NinjaOne cannot"
            + " delete organizations: organization "
            + data.organizationId
            + " was renamed to '"
            + data.rolledBackName
            + "', set to REJECT new devices and tagged onboarding-rolled-back. Archive or delete it in the NinjaOne"
            + " console"
            + (data.locationIds.isEmpty()
                ? "."
                : ", with its locations " + data.locationIds.keySet() + ".");
    task.status = "OPEN";
    task.createdAt = now;
    task.persist();
  }

  private void outbox(
      SagaEntity saga, String type, String detail, Map<String, Object> extra, Instant now) {
    OutboxEventEntity event = new OutboxEventEntity();
    event.id = UUID.randomUUID();
    event.sagaId = saga.id;
    event.clientId = saga.clientId;
    event.type = type;
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("id", event.id);
    payload.put("type", type);
    payload.put("sagaId", saga.id);
    payload.put("clientId", saga.clientId);
    payload.put("occurredAt", now.toString());
    payload.put("status", saga.status);
    if (saga.organizationId != null) {
      payload.put("organizationId", saga.organizationId);
    }
    if (detail != null) {
      payload.put("StepSucceeded".equals(type) ? "step" : "detail", detail);
    }
    payload.putAll(extra);
    event.payload = json.write(payload);
    event.createdAt = now;
    event.persist();
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
