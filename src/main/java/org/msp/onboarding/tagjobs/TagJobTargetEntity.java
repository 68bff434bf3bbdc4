package org.msp.onboarding.tagjobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One organization chosen by a tag job, with its own attempts and result. */
@Entity
@Table(name = "tag_job_target")
public class TagJobTargetEntity extends PanacheEntityBase {
  @Id public UUID id;
  public UUID jobId;
  public long organizationId;
  public String organizationName;

  @Enumerated(EnumType.STRING)
  public TargetStatus status;

  public int attempts;
  public String lastError;
  public Instant nextAttemptAt;

  /** The tags first read from NinjaOne, before this job changed anything. */
  @JdbcTypeCode(SqlTypes.JSON)
  public String tagsBefore;

  /** The tags read back after the change: the verification. */
  @JdbcTypeCode(SqlTypes.JSON)
  public String tagsAfter;

  /**
   * Whether this job PATCHed the organization (in any attempt); false when it already had the tags.
   */
  public boolean changed;

  public Instant verifiedAt;
  public Instant updatedAt;

  static TagJobTargetEntity of(
      UUID jobId, long organizationId, String organizationName, Instant now) {
    TagJobTargetEntity target = new TagJobTargetEntity();
    target.id = UUID.randomUUID();
    target.jobId = jobId;
    target.organizationId = organizationId;
    target.organizationName = organizationName;
    target.status = TargetStatus.PENDING;
    target.nextAttemptAt = now;
    target.updatedAt = now;
    return target;
  }

  /** The first read is kept: a later attempt may already see this job's own change. */
  void read(String tags) {
    if (tagsBefore == null) {
      tagsBefore = tags;
    }
  }

  void verified(String tags, boolean patched, Instant now) {
    attempts++;
    status = TargetStatus.VERIFIED;
    tagsAfter = tags;
    changed = changed || patched;
    verifiedAt = now;
    updatedAt = now;
  }

  void retryAt(String error, boolean patched, Instant at) {
    attempts++;
    status = TargetStatus.WAITING_RETRY;
    lastError = error;
    changed = changed || patched;
    nextAttemptAt = at;
    updatedAt = Instant.now();
  }

  void failed(String error, boolean patched, Instant now) {
    attempts++;
    status = TargetStatus.FAILED;
    lastError = error;
    changed = changed || patched;
    updatedAt = now;
  }
}
