package org.msp.onboarding.ops;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.msp.onboarding.config.OnboardingConfig;
import org.msp.onboarding.ops.SagaViews.*;
import org.msp.onboarding.persistence.AgentDeploymentTaskEntity;
import org.msp.onboarding.persistence.CleanupTaskEntity;
import org.msp.onboarding.persistence.SagaRecord;
import org.msp.onboarding.persistence.SagaRepository;
import org.msp.onboarding.saga.Saga;
import org.msp.onboarding.saga.SagaStatus;
import org.msp.onboarding.saga.StepState;
import org.msp.onboarding.saga.StuckRule;
import org.msp.onboarding.web.ProblemException;

/** Read side of the ops API. */
@ApplicationScoped
public class SagaQueries {
  private final SagaRepository sagas;
  private final Duration stuckAfter;
  private final Duration taskStaleAfter;

  public SagaQueries(SagaRepository sagas, OnboardingConfig config) {
    this.sagas = sagas;
    this.stuckAfter = config.stuckAfter();
    this.taskStaleAfter = config.deploymentTaskStaleAfter();
  }

  /** Newest first; fetches one extra row to know whether another page follows. */
  @Transactional
  public SagaPage list(
      SagaStatus status, String clientId, boolean stuckOnly, int pageSize, Long beforeSeq) {
    return list(status, clientId, null, stuckOnly, pageSize, beforeSeq);
  }

  /**
   * As above; {@code nameContains} matches part of the organization name, ignoring case (the
   * console's filter).
   */
  @Transactional
  public SagaPage list(
      SagaStatus status,
      String clientId,
      String nameContains,
      boolean stuckOnly,
      int pageSize,
      Long beforeSeq) {
    Instant stuckCutoff = stuckOnly ? Instant.now().minus(stuckAfter) : null;
    List<SagaRecord> rows =
        sagas.search(
            new SagaRepository.Filter(status, clientId, nameContains, stuckCutoff, beforeSeq),
            pageSize + 1);
    boolean hasNext = rows.size() > pageSize;
    List<SagaRecord> page = hasNext ? rows.subList(0, pageSize) : rows;
    List<SagaSummary> summaries = new ArrayList<>();
    page.forEach(s -> summaries.add(summary(s)));
    String endCursor = page.isEmpty() ? null : PageCursor.encode(page.get(page.size() - 1).seq());
    return new SagaPage(summaries, new PageInfo(hasNext, endCursor));
  }

  @Transactional
  public SagaDetail get(UUID id) {
    return detail(
        sagas.find(id).orElseThrow(() -> ProblemException.notFound("no saga with id " + id)));
  }

  private SagaDetail detail(SagaRecord record) {
    Saga.Snapshot saga = record.saga();
    List<StepView> steps = new ArrayList<>();
    for (StepState.Snapshot step : saga.steps()) {
      steps.add(
          new StepView(
              step.name().name(),
              step.status().name(),
              step.attempts(),
              step.lastError(),
              step.nextAttemptAt(),
              step.startedAt(),
              step.finishedAt(),
              step.compensationAttempts(),
              step.compensationError(),
              step.compensatedAt()));
    }
    CleanupTaskEntity cleanup = CleanupTaskEntity.find("sagaId", saga.id()).firstResult();
    CleanupTaskView cleanupView =
        cleanup == null
            ? null
            : new CleanupTaskView(
                cleanup.id,
                cleanup.organizationId,
                cleanup.description,
                cleanup.status,
                cleanup.createdAt);
    String stuckReason = stuckReason(record);
    return new SagaDetail(
        saga.id(),
        saga.type(),
        saga.clientId(),
        saga.eventId(),
        saga.organizationName(),
        saga.status().name(),
        saga.organizationId(),
        saga.data().locationIds,
        name(saga.failureCode()),
        saga.failureReason(),
        saga.earlierFailure(),
        saga.compensationRequested(),
        saga.status().isActive() ? saga.nextAttemptAt() : null,
        stuckReason != null,
        stuckReason,
        record.leaseOwner(),
        record.leaseUntil(),
        saga.createdAt(),
        saga.updatedAt(),
        saga.finishedAt(),
        steps,
        cleanupView);
  }

  /** Tasks newest last; {@code staleOnly}: PENDING for longer than the configured time. */
  @Transactional
  public DeploymentTaskList deploymentTasks(Long organizationId, String status, boolean staleOnly) {
    StringBuilder where = new StringBuilder("1 = 1");
    Parameters parameters = new Parameters();
    if (organizationId != null) {
      where.append(" and organizationId = :org");
      parameters.and("org", organizationId);
    }
    if (status != null) {
      where.append(" and status = :status");
      parameters.and("status", status);
    }
    Instant now = Instant.now();
    if (staleOnly) {
      where.append(" and status = :pending and createdAt < :cutoff");
      parameters
          .and("pending", AgentDeploymentTaskEntity.PENDING)
          .and("cutoff", now.minus(taskStaleAfter));
    }
    List<DeploymentTaskView> tasks = new ArrayList<>();
    AgentDeploymentTaskEntity.<AgentDeploymentTaskEntity>find(
            where + " order by createdAt, locationName, installerType", parameters)
        .page(0, 1000)
        .list()
        .forEach(t -> tasks.add(view(t, now)));
    return new DeploymentTaskList(tasks);
  }

  DeploymentTaskView view(AgentDeploymentTaskEntity t, Instant now) {
    boolean stale =
        AgentDeploymentTaskEntity.PENDING.equals(t.status)
            && t.createdAt.isBefore(now.minus(taskStaleAfter));
    return new DeploymentTaskView(
        t.id,
        t.sagaId,
        t.organizationId,
        t.locationId,
        t.locationName,
        t.installerType,
        t.nodeRoleId,
        t.installerUrl,
        t.status,
        t.createdAt,
        stale,
        stale
            ? "PENDING since "
                + t.createdAt
                + " (deadline "
                + taskStaleAfter
                + "): no agent confirmed"
            : null,
        t.confirmedDeviceId,
        t.confirmedAt);
  }

  private SagaSummary summary(SagaRecord record) {
    Saga.Snapshot s = record.saga();
    String stuckReason = stuckReason(record);
    return new SagaSummary(
        s.id(),
        s.type(),
        s.clientId(),
        s.eventId(),
        s.organizationName(),
        s.status().name(),
        s.organizationId(),
        name(s.failureCode()),
        s.failureReason(),
        s.status().isActive() ? s.nextAttemptAt() : null,
        stuckReason != null,
        stuckReason,
        s.createdAt(),
        s.updatedAt(),
        s.finishedAt());
  }

  private String stuckReason(SagaRecord record) {
    return StuckRule.reason(record.progress(), Instant.now(), stuckAfter);
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
