package org.msp.onboarding.names;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Asks every minute whether the name index's full scan is due; one instance claims it
 * (organization_name_scan).
 */
@ApplicationScoped
class FullScanJob {
  private static final Logger LOG = Logger.getLogger(FullScanJob.class);

  private final NameIndex index;
  private final NamesConfig config;

  FullScanJob(NameIndex index, NamesConfig config) {
    this.index = index;
    this.config = config;
  }

  @Scheduled(
      every = "60s",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scanIfDue() {
    try {
      index.fullScanIfDue(config.fullScanInterval());
    } catch (RuntimeException e) {
      // the claim expires and the next tick (here or on another instance) tries again
      LOG.warnf("name index: full scan failed (%s)", e.getMessage());
    }
  }
}
