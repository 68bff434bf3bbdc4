package org.msp.onboarding.tagjobs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the ops API shows of tag jobs. */
public final class TagJobViews {
  private TagJobViews() {}

  public record Counts(long organizations, long verified, long failed, long waiting) {}

  public record JobSummary(
      UUID id,
      String status,
      TagFilter filter,
      List<String> addTags,
      List<String> removeTags,
      String requestedBy,
      int selectionAttempts,
      String lastError,
      Instant nextAttemptAt,
      Instant createdAt,
      Instant updatedAt,
      Instant finishedAt,
      Counts counts) {}

  public record OrganizationResult(
      long organizationId,
      String organizationName,
      String status,
      int attempts,
      String lastError,
      Instant nextAttemptAt,
      List<String> tagsBefore,
      List<String> tagsAfter,
      boolean changed,
      Instant verifiedAt) {}

  public record JobDetail(JobSummary job, List<OrganizationResult> organizations) {}

  public record JobList(List<JobSummary> jobs) {}
}
