package org.msp.onboarding.tagjobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One bulk tag job. State changes only through the intention methods below. */
@Entity
@Table(name = "tag_job")
public class TagJobEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(insertable = false, updatable = false)
  public Long seq;

  @Enumerated(EnumType.STRING)
  public TagJobStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  public String filter;

  @JdbcTypeCode(SqlTypes.JSON)
  public String addTags;

  @JdbcTypeCode(SqlTypes.JSON)
  public String removeTags;

  public String requestedBy;

  /** Attempts to read the organization list (selection); organizations count their own. */
  public int attempts;

  public String lastError;
  public Instant nextAttemptAt;
  public String leaseOwner;
  public Instant leaseUntil;
  public Instant createdAt;
  public Instant updatedAt;
  public Instant finishedAt;

  @Version public long version;

  static TagJobEntity create(
      String filter, String addTags, String removeTags, String requestedBy, Instant now) {
    TagJobEntity job = new TagJobEntity();
    job.id = UUID.randomUUID();
    job.status = TagJobStatus.SELECTING;
    job.filter = filter;
    job.addTags = addTags;
    job.removeTags = removeTags;
    job.requestedBy = requestedBy;
    job.nextAttemptAt = now;
    job.createdAt = now;
    job.updatedAt = now;
    return job;
  }

  boolean isLeasedBy(String owner) {
    return owner.equals(leaseOwner);
  }

  void lease(String owner, Instant until) {
    leaseOwner = owner;
    leaseUntil = until;
  }

  void selected(Instant now) {
    attempts++;
    status = TagJobStatus.RUNNING;
    nextAttemptAt = now;
    updatedAt = now;
  }

  void selectionRetryAt(String error, Instant at) {
    attempts++;
    lastError = error;
    nextAttemptAt = at;
    updatedAt = Instant.now();
  }

  void selectionFailed(String error, Instant now) {
    attempts++;
    lastError = error;
    finish(TagJobStatus.FAILED, now);
  }

  /** Comes back when its earliest waiting organization is due; nobody holds it meanwhile. */
  void waitUntil(Instant at) {
    nextAttemptAt = at;
    updatedAt = Instant.now();
    leaseOwner = null;
    leaseUntil = null;
  }

  void finish(TagJobStatus outcome, Instant now) {
    status = outcome;
    finishedAt = now;
    updatedAt = now;
    leaseOwner = null;
    leaseUntil = null;
  }
}
