package org.msp.onboarding.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Organization audit settings (environment form: ONBOARDING_AUDIT_REUSE_FOR and so on). */
@ConfigMapping(prefix = "onboarding.audit")
public interface AuditConfig {

  /**
   * How long a finished audit's report answers further callers (with its age) instead of a new run:
   * an audit reads the whole tenant, so callers close together share one.
   */
  @WithDefault("PT60S")
  Duration reuseFor();

  /**
   * Organizations no saga knows are counted in full but listed only this many (the first by id).
   */
  @WithDefault("500")
  int maxUnknownListed();

  /**
   * Attempts of one read before the organization is reported UNREADABLE (or the audit fails, for a
   * page).
   */
  @WithDefault("3")
  int maxAttempts();

  /** First backoff between attempts, doubling; NinjaOne's Retry-After is honoured up to maxWait. */
  @WithDefault("PT0.2S")
  Duration initialDelay();

  /** Longest single wait between attempts: an audit is interactive. */
  @WithDefault("PT5S")
  Duration maxWait();
}
