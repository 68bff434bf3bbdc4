package org.msp.onboarding.devices;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Device confirmation settings (environment form: ONBOARDING_DEVICES_POLL_INTERVAL and so on). */
@ConfigMapping(prefix = "onboarding.devices")
public interface DeviceConfig {

  /** How often each instance looks for organizations whose devices are due to be read. */
  @WithDefault("PT5S")
  Duration pollInterval();

  /**
   * How long after its task was recorded, or after a change was seen, an organization's devices are
   * read; each read that finds nothing new doubles the wait, up to {@link #maxCheckInterval}.
   */
  @WithDefault("PT30S")
  Duration checkInterval();

  /** The longest wait between two reads of one organization's devices. */
  @WithDefault("PT15M")
  Duration maxCheckInterval();

  /**
   * How long a claimed organization belongs to one instance: if that instance dies mid-read,
   * another reads it after this.
   */
  @WithDefault("PT60S")
  Duration lease();

  /** Organizations one instance reads per round. */
  @WithDefault("10")
  int batch();
}
