package org.msp.onboarding.tagjobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.msp.onboarding.tagjobs.TagJobViews.Counts;
import org.msp.onboarding.tagjobs.TagJobViews.JobDetail;
import org.msp.onboarding.tagjobs.TagJobViews.JobList;
import org.msp.onboarding.tagjobs.TagJobViews.JobSummary;
import org.msp.onboarding.tagjobs.TagJobViews.OrganizationResult;
import org.msp.onboarding.web.ProblemException;

/** Read side of tag jobs, and their creation (one insert: the worker does the rest). */
@ApplicationScoped
public class TagJobQueries {
  private final EntityManager em;
  private final TagJobJson json;

  public TagJobQueries(EntityManager em, TagJobJson json) {
    this.em = em;
    this.json = json;
  }

  @Transactional
  public JobSummary create(TagJobRequest request, String requestedBy) {
    TagJobEntity job =
        TagJobEntity.create(
            json.write(request.filter()),
            json.write(request.addOrEmpty()),
            json.write(request.removeOrEmpty()),
            requestedBy,
            java.time.Instant.now());
    em.persist(job);
    return summary(job);
  }

  /** Newest first. */
  @Transactional
  public JobList recent(int limit) {
    List<TagJobEntity> jobs =
        TagJobEntity.<TagJobEntity>find("order by createdAt desc").page(0, limit).list();
    return new JobList(jobs.stream().map(this::summary).toList());
  }

  @Transactional
  public JobDetail get(UUID id) {
    TagJobEntity job = TagJobEntity.findById(id);
    if (job == null) {
      throw ProblemException.notFound("no tag job with id " + id);
    }
    List<TagJobTargetEntity> targets =
        TagJobTargetEntity.<TagJobTargetEntity>find("jobId = ?1 order by organizationId", id)
            .list();
    return new JobDetail(summary(job), targets.stream().map(this::result).toList());
  }

  private JobSummary summary(TagJobEntity job) {
    return new JobSummary(
        job.id,
        job.status.name(),
        json.filter(job.filter),
        json.tags(job.addTags),
        json.tags(job.removeTags),
        job.requestedBy,
        job.attempts,
        job.lastError,
        job.status.isActive() ? job.nextAttemptAt : null,
        job.createdAt,
        job.updatedAt,
        job.finishedAt,
        counts(job.id));
  }

  private Counts counts(UUID jobId) {
    Map<TargetStatus, Long> byStatus = new EnumMap<>(TargetStatus.class);
    em.createQuery(
            "select t.status, count(t) from TagJobTargetEntity t where t.jobId = :job group by t.status",
            Object[].class)
        .setParameter("job", jobId)
        .getResultList()
        .forEach(row -> byStatus.put((TargetStatus) row[0], (Long) row[1]));
    long verified = byStatus.getOrDefault(TargetStatus.VERIFIED, 0L);
    long failed = byStatus.getOrDefault(TargetStatus.FAILED, 0L);
    long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
    return new Counts(total, verified, failed, total - verified - failed);
  }

  private OrganizationResult result(TagJobTargetEntity t) {
    return new OrganizationResult(
        t.organizationId,
        t.organizationName,
        t.status.name(),
        t.attempts,
        t.lastError,
        t.status.isFinished() ? null : t.nextAttemptAt,
        orEmpty(json.tags(t.tagsBefore)),
        orEmpty(json.tags(t.tagsAfter)),
        t.changed,
        t.verifiedAt);
  }

  private static List<String> orEmpty(List<String> tags) {
    return tags == null ? List.of() : tags;
  }
}
