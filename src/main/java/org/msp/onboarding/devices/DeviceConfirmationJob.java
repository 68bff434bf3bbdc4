package org.msp.onboarding.devices;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.msp.onboarding.devices.DevicePollStore.Claimed;
import org.msp.onboarding.saga.RemoteCallException;

/**
 * Reads the devices of organizations with open agent-deployment tasks when they are due, and lets
 * them confirm the tasks. Any number of instances may run it (claims are leased); its NinjaOne
 * calls take the request budget's background turn, so they never hold up a saga.
 */
@ApplicationScoped
public class DeviceConfirmationJob {
  private static final Logger LOG = Logger.getLogger(DeviceConfirmationJob.class);

  private final DevicePollStore store;
  private final OrganizationDevices devices;
  private final DeviceConfig config;

  public DeviceConfirmationJob(
      DevicePollStore store, OrganizationDevices devices, DeviceConfig config) {
    this.store = store;
    this.devices = devices;
    this.config = config;
  }

  @Scheduled(
      every = "${onboarding.devices.poll-interval:PT5S}",
      delayed = "${onboarding.devices.poll-interval:PT5S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void round() {
    if (!devices.reachable()) {
      return; // NinjaOne is down for everyone: the organizations stay due for the next round
    }
    try {
      store.schedule();
      for (Claimed claimed : store.claimDue(config.batch())) {
        if (!devices.reachable()) {
          store.failed(claimed, "not read: the NinjaOne circuit opened");
          continue;
        }
        read(claimed);
      }
    } catch (RuntimeException e) {
      // The database is away: the claims (if any) expire with their lease and are read again.
      LOG.warnf("device confirmation: round failed, next round as usual: %s", e.getMessage());
    }
  }

  private void read(Claimed claimed) {
    long org = claimed.organizationId();
    try {
      int confirmed = store.record(claimed, devices.all(org));
      if (confirmed > 0) {
        LOG.infof(
            "organization %d: %d agent-deployment task(s) confirmed by NinjaOne devices",
            org, confirmed);
      }
    } catch (RemoteCallException e) {
      LOG.debugf("organization %d: devices could not be read: %s", org, e.getMessage());
      store.failed(claimed, e.getMessage());
    }
  }
}
