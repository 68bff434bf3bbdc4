package org.msp.onboarding.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.msp.onboarding.persistence.AgentDeploymentTaskEntity;
import org.msp.onboarding.persistence.StepAttemptEntity;
import org.msp.onboarding.saga.SagaStatus;

/**
 * What the console shows beyond the ops API's saga views: counts, the attempt history, the saga's
 * own tasks.
 */
@ApplicationScoped
public class ConsoleQueries {

  public record StatusCount(String status, long count) {}

  public record AttemptView(
      Instant at, String step, String phase, int attempt, String outcome, String error) {}

  public record TaskView(
      String locationName,
      String installerType,
      Long nodeRoleId,
      String installerUrl,
      String status,
      Instant createdAt,
      Long confirmedDeviceId) {}

  private final EntityManager em;

  public ConsoleQueries(EntityManager em) {
    this.em = em;
  }

  /** Every status, zeros included, in the order a saga moves through them. */
  @Transactional
  public List<StatusCount> countsByStatus() {
    Map<SagaStatus, Long> counts = new EnumMap<>(SagaStatus.class);
    em.createQuery("select s.status, count(s) from SagaEntity s group by s.status", Object[].class)
        .getResultList()
        .forEach(row -> counts.put((SagaStatus) row[0], (Long) row[1]));
    List<StatusCount> all = new ArrayList<>();
    for (SagaStatus status : SagaStatus.values()) {
      all.add(new StatusCount(status.name(), counts.getOrDefault(status, 0L)));
    }
    return all;
  }

  @Transactional
  public List<AttemptView> attempts(UUID sagaId) {
    return StepAttemptEntity.<StepAttemptEntity>find("sagaId = ?1 order by recordedAt, id", sagaId)
        .list()
        .stream()
        .map(a -> new AttemptView(a.recordedAt, a.stepName, a.phase, a.attempt, a.outcome, a.error))
        .toList();
  }

  @Transactional
  public List<TaskView> tasks(UUID sagaId) {
    return AgentDeploymentTaskEntity.<AgentDeploymentTaskEntity>find(
            "sagaId = ?1 order by locationName, installerType", sagaId)
        .list()
        .stream()
        .map(
            t ->
                new TaskView(
                    t.locationName,
                    t.installerType,
                    t.nodeRoleId,
                    t.installerUrl,
                    t.status,
                    t.createdAt,
                    t.confirmedDeviceId))
        .toList();
  }
}
