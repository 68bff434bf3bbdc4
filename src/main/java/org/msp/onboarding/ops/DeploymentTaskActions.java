package org.msp.onboarding.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.msp.onboarding.ops.SagaViews.DeploymentTaskView;
import org.msp.onboarding.persistence.AgentDeploymentTaskEntity;
import org.msp.onboarding.web.ProblemException;

/** Operators record what happened to an agent deployment (installed, or not wanted). */
@ApplicationScoped
public class DeploymentTaskActions {
  private final EntityManager em;
  private final SagaQueries queries;

  public DeploymentTaskActions(EntityManager em, SagaQueries queries) {
    this.em = em;
    this.queries = queries;
  }

  @Transactional
  public DeploymentTaskView changeStatus(UUID id, String status) {
    AgentDeploymentTaskEntity task =
        em.find(AgentDeploymentTaskEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (task == null) {
      throw ProblemException.notFound("no agent-deployment task with id " + id);
    }
    if (AgentDeploymentTaskEntity.CANCELLED.equals(task.status) && !status.equals(task.status)) {
      throw ProblemException.conflict(
          "task " + id + " was cancelled (its onboarding was rolled back)");
    }
    Instant now = Instant.now();
    task.changeStatus(status, now);
    return queries.view(task, now);
  }
}
