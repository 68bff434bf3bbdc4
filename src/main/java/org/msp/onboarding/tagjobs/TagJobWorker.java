package org.msp.onboarding.tagjobs;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.tagjobs.OrganizationTags.Organization;
import org.msp.onboarding.tagjobs.TagJobStore.ClaimedJob;
import org.msp.onboarding.tagjobs.TagJobStore.DueTarget;

/**
 * Claims due tag jobs and works through their organizations on one thread per instance: bulk
 * tagging is not urgent, and one organization at a time keeps NinjaOne's rate limits for the
 * onboarding sagas.
 */
@ApplicationScoped
public class TagJobWorker {
  private static final Logger LOG = Logger.getLogger(TagJobWorker.class);

  private final TagJobStore store;
  private final TagApplier applier;
  private final OrganizationTags organizations;
  private final TagJobConfig config;

  /** Lease owner: unique per process start, like the saga runner's. */
  private final String owner =
      "tag-jobs/"
          + ProcessHandle.current().pid()
          + "/"
          + java.util.UUID.randomUUID().toString().substring(0, 8);

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tag-job-worker");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile boolean stopping;

  public TagJobWorker(
      TagJobStore store, TagApplier applier, OrganizationTags organizations, TagJobConfig config) {
    this.store = store;
    this.applier = applier;
    this.organizations = organizations;
    this.config = config;
  }

  @Scheduled(
      every = "${onboarding.tag-jobs.poll-interval:PT2S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    wake();
  }

  /**
   * Starts a round unless one is running; a new job calls this so it does not wait for the poll.
   */
  public void wake() {
    if (!stopping && busy.compareAndSet(false, true)) {
      thread.execute(this::rounds);
    }
  }

  private void rounds() {
    try {
      Optional<ClaimedJob> job;
      while (!stopping && (job = store.claimDue(owner, config.lease())).isPresent()) {
        drive(job.get());
      }
    } catch (RuntimeException e) {
      LOG.warnf("tag jobs: claiming failed, will retry at the next poll: %s", e.getMessage());
    } finally {
      busy.set(false);
    }
  }

  private void drive(ClaimedJob job) {
    try {
      if (job.status() == TagJobStatus.SELECTING && !select(job)) {
        return;
      }
      List<DueTarget> due;
      while (!stopping && !(due = store.dueTargets(job.id(), config.batch())).isEmpty()) {
        for (DueTarget target : due) {
          TargetOutcome outcome =
              applier.apply(target.organizationId(), job.addTags(), job.removeTags());
          store.record(owner, job.id(), target.id(), outcome, config.lease());
        }
      }
      store.settle(owner, job.id());
    } catch (TagJobStore.LeaseLost e) {
      LOG.warn(e.getMessage());
    } catch (RuntimeException e) {
      // Not recorded (database gone?): the lease expires and the job is picked up again; redoing is
      // safe.
      LOG.warnf(
          "tag job %s: could not record progress, it resumes after its lease: %s",
          job.id(), e.toString());
    }
  }

  /**
   * Applies the filter to NinjaOne's whole organization list; false when the job must wait or has
   * failed.
   */
  private boolean select(ClaimedJob job) {
    try {
      List<Organization> chosen =
          organizations.all().stream().filter(job.filter()::matches).toList();
      store.selected(owner, job.id(), chosen, config.lease());
      return true;
    } catch (RemoteCallException e) {
      store.selectionFailed(owner, job.id(), e, config.lease());
      return false;
    }
  }

  void stop(@Observes ShutdownEvent event) {
    stopping = true;
    thread.shutdown();
    try {
      thread.awaitTermination(20, TimeUnit.SECONDS);
      store.releaseAll(owner);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warnf(
          "tag jobs: could not release leases on shutdown (they expire by themselves): %s",
          e.getMessage());
    }
  }
}
