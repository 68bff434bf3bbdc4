package org.msp.onboarding.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the ops API shows of sagas. */
public final class SagaViews {
  private SagaViews() {}

  public record SagaSummary(
      UUID id,
      String type,
      String clientId,
      String eventId,
      String organizationName,
      String status,
      Long organizationId,
      String failureCode,
      String failureReason,
      Instant nextAttemptAt,
      boolean stuck,
      String stuckReason,
      Instant createdAt,
      Instant updatedAt,
      Instant finishedAt) {}

  public record StepView(
      String name,
      String status,
      int attempts,
      String lastError,
      Instant nextAttemptAt,
      Instant startedAt,
      Instant finishedAt,
      int compensationAttempts,
      String compensationError,
      Instant compensatedAt) {}

  public record CleanupTaskView(
      UUID id, long organizationId, String description, String status, Instant createdAt) {}

  public record SagaDetail(
      UUID id,
      String type,
      String clientId,
      String eventId,
      String organizationName,
      String status,
      Long organizationId,
      Map<String, Long> locationIds,
      String failureCode,
      String failureReason,
      String earlierFailure,
      boolean compensationRequested,
      Instant nextAttemptAt,
      boolean stuck,
      String stuckReason,
      String leaseOwner,
      Instant leaseUntil,
      Instant createdAt,
      Instant updatedAt,
      Instant finishedAt,
      List<StepView> steps,
      CleanupTaskView cleanupTask) {}

  public record PageInfo(boolean hasNextPage, String endCursor) {}

  public record SagaPage(List<SagaSummary> sagas, PageInfo pageInfo) {}

  public record DeploymentTaskView(
      UUID id,
      UUID sagaId,
      long organizationId,
      long locationId,
      String locationName,
      String installerType,
      Long nodeRoleId,
      String installerUrl,
      String status,
      Instant createdAt,
      boolean stale,
      String staleReason,
      Long confirmedByDeviceId,
      Instant confirmedAt) {}

  public record DeploymentTaskList(List<DeploymentTaskView> tasks) {}
}
