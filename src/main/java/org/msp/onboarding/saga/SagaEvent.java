package org.msp.onboarding.saga;

import java.util.List;

/**
 * What a saga's transition produced. Storage turns each into rows in the same transaction (status
 * events for the outbox, deployment and clean-up tasks); monitoring counts them after commit.
 */
public sealed interface SagaEvent {

  /** A request became a saga. */
  record Started() implements SagaEvent {}

  /** A forward step finished. */
  record StepSucceeded(StepName step) implements SagaEvent {}

  /** Agents to install, one task per planned deployment, with the installer link NinjaOne made. */
  record DeploymentTasksDue(long organizationId, List<DeploymentTask> tasks) implements SagaEvent {}

  /** The rollback undid the deployment step: its open tasks are void. */
  record DeploymentTasksCancelled() implements SagaEvent {}

  /** The client leaves: every open deployment task of its organization is void. */
  record OrganizationTasksCancelled(long organizationId) implements SagaEvent {}

  /** Work the saga could not do through the API, for an operator. */
  record CleanupDue(Long organizationId, String description) implements SagaEvent {}

  /**
   * The service created or renamed an organization: the name index learns it in the same commit.
   */
  record OrganizationNamed(long organizationId, String name, String sagaMarker)
      implements SagaEvent {}

  record Completed() implements SagaEvent {}

  /** Rolled back; the detail says why ("CODE: reason"). */
  record Compensated(String detail) implements SagaEvent {}

  /** Neither finished nor rolled back; the detail says what is left. */
  record Failed(String detail) implements SagaEvent {}

  /** One agent to install at one location. */
  record DeploymentTask(
      String locationName,
      long locationId,
      String installerType,
      Long nodeRoleId,
      String installerUrl) {}
}
