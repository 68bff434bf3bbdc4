package org.msp.onboarding.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.msp.onboarding.config.OnboardingConfig;
import org.msp.onboarding.saga.SagaStatus;

/**
 * Sagas by current status, the due backlog and the stuck count, read from PostgreSQL every few
 * seconds.
 */
@ApplicationScoped
public class SagaGauges {
  private static final Logger LOG = Logger.getLogger(SagaGauges.class);

  private final EntityManager em;
  private final OnboardingConfig config;
  private final Map<SagaStatus, AtomicLong> byStatus = new ConcurrentHashMap<>();
  private final AtomicLong dueBacklog = new AtomicLong();
  private final AtomicLong stuck = new AtomicLong();
  private final AtomicLong halted = new AtomicLong();
  private final AtomicLong staleTasks = new AtomicLong();
  private final AtomicLong queuedRequests = new AtomicLong();

  public SagaGauges(EntityManager em, OnboardingConfig config, MeterRegistry registry) {
    this.em = em;
    this.config = config;
    for (SagaStatus status : SagaStatus.values()) {
      AtomicLong value = new AtomicLong();
      byStatus.put(status, value);
      Gauge.builder("onboarding.sagas.current", value, AtomicLong::get)
          .description("Sagas by current status")
          .tag("status", status.name())
          .register(registry);
    }
    Gauge.builder("onboarding.sagas.due.backlog", dueBacklog, AtomicLong::get)
        .description("Unfinished sagas due now that no instance holds")
        .register(registry);
    Gauge.builder("onboarding.sagas.stuck", stuck, AtomicLong::get)
        .description(
            "Unfinished sagas without progress for longer than onboarding.stuck-after, or halted")
        .register(registry);
    Gauge.builder("onboarding.requests.queued", queuedRequests, AtomicLong::get)
        .description("Requests waiting for their client's earlier saga to end")
        .register(registry);
    Gauge.builder("onboarding.deployment.tasks.stale", staleTasks, AtomicLong::get)
        .description(
            "Agent-deployment tasks still PENDING after onboarding.deployment-task-stale-after")
        .register(registry);
    Gauge.builder("onboarding.sagas.halted", halted, AtomicLong::get)
        .description("Unfinished sagas halted because their outcomes could not be recorded")
        .register(registry);
  }

  @Scheduled(
      every = "${onboarding.gauges.interval:PT10S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  void refresh() {
    try {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createQuery("select status, count(*) from SagaEntity group by status").getResultList();
      byStatus.values().forEach(v -> v.set(0));
      rows.forEach(r -> byStatus.get((SagaStatus) r[0]).set((Long) r[1]));
      Instant now = Instant.now();
      dueBacklog.set(
          em.createQuery(
                  "select count(*) from SagaEntity where status in :active and nextAttemptAt <= :now"
                      + " and (leaseUntil is null or leaseUntil < :now) and haltedReason is null",
                  Long.class)
              .setParameter("active", SagaStatus.activeStatuses())
              .setParameter("now", now)
              .getSingleResult());
      stuck.set(
          em.createQuery(
                  "select count(*) from SagaEntity where status in :active and nextAttemptAt <= :now"
                      + " and (updatedAt < :cutoff or haltedReason is not null)",
                  Long.class)
              .setParameter("active", SagaStatus.activeStatuses())
              .setParameter("now", now)
              .setParameter("cutoff", now.minus(config.stuckAfter()))
              .getSingleResult());
      halted.set(
          em.createQuery(
                  "select count(*) from SagaEntity where status in :active and haltedReason is not null",
                  Long.class)
              .setParameter("active", SagaStatus.activeStatuses())
              .getSingleResult());
      staleTasks.set(
          em.createQuery(
                  "select count(*) from AgentDeploymentTaskEntity where status = 'PENDING'"
                      + " and createdAt < :cutoff",
                  Long.class)
              .setParameter("cutoff", now.minus(config.deploymentTaskStaleAfter()))
              .getSingleResult());
      queuedRequests.set(
          ((Number) em.createNativeQuery("select count(*) from queued_request").getSingleResult())
              .longValue());
    } catch (RuntimeException e) {
      LOG.debugf("saga gauges not refreshed: %s", e.getMessage());
    }
  }
}
