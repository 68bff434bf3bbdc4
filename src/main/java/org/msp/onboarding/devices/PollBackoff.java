package org.msp.onboarding.devices;

import java.time.Duration;

/**
 * How long an organization waits for its next device read: the check interval after a change (a
 * task confirmed, a device newly waiting), twice the last wait after a read that found nothing new
 * or failed, never more than the maximum. A new agent usually appears within minutes of the
 * installer link, or after days: reading often at first and seldom later serves both cheaply.
 */
record PollBackoff(Duration checkInterval, Duration maxCheckInterval) {

  Duration next(Duration lastWait, boolean changed) {
    if (changed) {
      return checkInterval;
    }
    Duration doubled = lastWait.multipliedBy(2);
    return doubled.compareTo(maxCheckInterval) > 0 ? maxCheckInterval : doubled;
  }
}
