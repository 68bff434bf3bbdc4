package org.msp.onboarding.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Organization audit settings (environment form: ONBOARDING_AUDIT_PARALLELISM and so on). */
@ConfigMapping(prefix = "onboarding.audit")
public interface AuditConfig {

  /** NinjaOne detail reads in flight at once; small, so an audit never starves the sagas' calls. */
  @WithDefault("4")
  int parallelism();

  /** Attempts of one read before the organization is reported UNREADABLE (or the audit fails, for a page). */
  @WithDefault("3")
  int maxAttempts();

  /** First backoff between attempts, doubling; NinjaOne's Retry-After is honoured up to maxWait. */
  @WithDefault("PT0.2S")
  Duration initialDelay();

  /** Longest single wait between attempts: an audit is interactive. */
  @WithDefault("PT5S")
  Duration maxWait();
}
