package org.msp.onboarding.tagjobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.msp.onboarding.config.OnboardingConfig;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.saga.RetryPolicy;
import org.msp.onboarding.tagjobs.OrganizationTags.Organization;

/**
 * The tag-job worker's transactions. Each is short and never spans a NinjaOne call; each checks the
 * lease (a worker presumed dead must not record) and renews it, so a long job stays with the
 * instance that drives it.
 */
@ApplicationScoped
public class TagJobStore {

  /** A claimed job, as the worker needs it. */
  record ClaimedJob(
      UUID id,
      TagJobStatus status,
      TagFilter filter,
      List<String> addTags,
      List<String> removeTags) {}

  /** One organization due for an attempt. */
  record DueTarget(UUID id, long organizationId) {}

  static final int TAG_JOB_ATTEMPTS = 8;

  private final EntityManager em;
  private final TagJobJson json;
  private final RetryPolicy retry;

  /**
   * Another instance took the job over (our lease expired): our result is dropped, the organization
   * is redone.
   */
  static class LeaseLost extends RuntimeException {
    LeaseLost(UUID jobId) {
      super("lease on tag job " + jobId + " was lost");
    }
  }

  public TagJobStore(EntityManager em, TagJobJson json, OnboardingConfig config) {
    this.em = em;
    this.json = json;
    OnboardingConfig.Retry settings = config.retry();
    // A target keeps no failure clock: without a count limit for sagas, tag jobs keep the former
    // count of 8.
    int attempts = settings.maxAttempts() > 0 ? settings.maxAttempts() : TAG_JOB_ATTEMPTS;
    this.retry =
        new RetryPolicy(
            settings.initialDelay(), settings.maxDelay(), attempts, settings.maxElapsed());
  }

  /** Leases one due job; SKIP LOCKED lets several instances claim side by side. */
  @Transactional
  public Optional<ClaimedJob> claimDue(String owner, Duration lease) {
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        em.createNativeQuery(
                "UPDATE tag_job SET lease_owner = ?1, lease_until = now() + make_interval(secs => ?2) WHERE id IN ("
                    + " SELECT id FROM tag_job WHERE status IN ('SELECTING', 'RUNNING') AND next_attempt_at <= now()"
                    + " AND (lease_until IS NULL OR lease_until < now())"
                    + " ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id",
                UUID.class)
            .setParameter(1, owner)
            .setParameter(2, (double) lease.toSeconds())
            .getResultList();
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    TagJobEntity job = em.find(TagJobEntity.class, ids.get(0));
    em.refresh(job);
    return Optional.of(
        new ClaimedJob(
            job.id,
            job.status,
            json.filter(job.filter),
            json.tags(job.addTags),
            json.tags(job.removeTags)));
  }

  /** The filter's organizations become the job's targets, all due now. */
  @Transactional
  public void selected(String owner, UUID jobId, List<Organization> chosen, Duration lease) {
    TagJobEntity job = leased(owner, jobId, lease);
    Instant now = Instant.now();
    for (Organization org : chosen) {
      em.persist(TagJobTargetEntity.of(jobId, org.id(), org.name(), now));
    }
    job.selected(now);
  }

  @Transactional
  public void selectionFailed(String owner, UUID jobId, RemoteCallException e, Duration lease) {
    TagJobEntity job = leased(owner, jobId, lease);
    Instant now = Instant.now();
    if (e.kind() == RemoteCallException.Kind.TRANSIENT && !retry.exhausted(job.attempts + 1)) {
      job.selectionRetryAt(e.getMessage(), now.plus(backoff(job.attempts + 1, e.retryAfter())));
      job.waitUntil(job.nextAttemptAt);
    } else {
      job.selectionFailed(e.getMessage(), now);
    }
  }

  @Transactional
  public List<DueTarget> dueTargets(UUID jobId, int limit) {
    return em
        .createQuery(
            "select t.id, t.organizationId from TagJobTargetEntity t where t.jobId = :job"
                + " and t.status in :waiting and t.nextAttemptAt <= :now order by t.organizationId",
            Object[].class)
        .setParameter("job", jobId)
        .setParameter("waiting", List.of(TargetStatus.PENDING, TargetStatus.WAITING_RETRY))
        .setParameter("now", Instant.now())
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(row -> new DueTarget((UUID) row[0], (Long) row[1]))
        .toList();
  }

  @Transactional
  public void record(
      String owner, UUID jobId, UUID targetId, TargetOutcome outcome, Duration lease) {
    leased(owner, jobId, lease);
    TagJobTargetEntity target = em.find(TagJobTargetEntity.class, targetId);
    Instant now = Instant.now();
    if (outcome.tagsRead() != null) {
      target.read(json.write(outcome.tagsRead()));
    }
    if (outcome instanceof TargetOutcome.Verified v) {
      target.verified(json.write(v.tagsAfter()), v.patched(), now);
    } else if (outcome instanceof TargetOutcome.RetryLater r
        && !retry.exhausted(target.attempts + 1)) {
      target.retryAt(
          r.error(), r.patched(), now.plus(backoff(target.attempts + 1, r.retryAfter())));
    } else if (outcome instanceof TargetOutcome.RetryLater r) {
      target.failed("retries exhausted: " + r.error(), r.patched(), now);
    } else if (outcome instanceof TargetOutcome.Failed f) {
      target.failed(f.error(), f.patched(), now);
    }
  }

  /**
   * Ends the job when every organization is done; otherwise it waits, unleased, for its earliest
   * retry.
   */
  @Transactional
  public void settle(String owner, UUID jobId) {
    TagJobEntity job = em.find(TagJobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
    if (!job.isLeasedBy(owner)) {
      throw new LeaseLost(jobId);
    }
    Instant next =
        em.createQuery(
                "select min(t.nextAttemptAt) from TagJobTargetEntity t where t.jobId = :job and t.status in :waiting",
                Instant.class)
            .setParameter("job", jobId)
            .setParameter("waiting", List.of(TargetStatus.PENDING, TargetStatus.WAITING_RETRY))
            .getSingleResult();
    if (next != null) {
      job.waitUntil(next);
      return;
    }
    long failed =
        TagJobTargetEntity.count("jobId = ?1 and status = ?2", jobId, TargetStatus.FAILED);
    job.finish(
        failed == 0 ? TagJobStatus.COMPLETED : TagJobStatus.COMPLETED_WITH_FAILURES, Instant.now());
  }

  /** On shutdown: whatever this instance still holds is free for another at once. */
  @Transactional
  public void releaseAll(String owner) {
    em.createNativeQuery(
            "UPDATE tag_job SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?1")
        .setParameter(1, owner)
        .executeUpdate();
  }

  private TagJobEntity leased(String owner, UUID jobId, Duration lease) {
    TagJobEntity job = em.find(TagJobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
    if (!job.isLeasedBy(owner)) {
      throw new LeaseLost(jobId);
    }
    job.lease(owner, Instant.now().plus(lease));
    return job;
  }

  private Duration backoff(int attemptsSoFar, Duration retryAfter) {
    return retry.delayAfter(attemptsSoFar, retryAfter, ThreadLocalRandom.current());
  }
}
