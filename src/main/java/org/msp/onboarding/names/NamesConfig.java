package org.msp.onboarding.names;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Organization name index settings (environment form: ONBOARDING_NAMES_FULL_SCAN_INTERVAL). */
@ConfigMapping(prefix = "onboarding.names")
public interface NamesConfig {

  /**
   * How often the whole tenant is read again, to see renames and deletions made in NinjaOne's UI
   * (new organizations are seen before every create check). One call per 200 organizations, by one
   * instance.
   */
  @WithDefault("PT1H")
  Duration fullScanInterval();
}
