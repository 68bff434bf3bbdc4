package org.msp.onboarding.tagjobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Bulk tag job settings (environment form: ONBOARDING_TAG_JOBS_POLL_INTERVAL and so on). Retries
 * use the saga's settings (ONBOARDING_RETRY_*), per organization.
 */
@ConfigMapping(prefix = "onboarding.tag-jobs")
public interface TagJobConfig {

  /** How often the worker looks for due jobs (new jobs start at once). */
  @WithDefault("PT2S")
  Duration pollInterval();

  /** How long a claimed job belongs to one instance; renewed with every organization it records. */
  @WithDefault("PT60S")
  Duration lease();

  /** Organizations read from the database per round of a job. */
  @WithDefault("50")
  int batch();
}
