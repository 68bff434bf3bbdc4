package org.msp.onboarding.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ops console settings (environment form: ONBOARDING_CONSOLE_SECURE_COOKIE and so on). */
@ConfigMapping(prefix = "onboarding.console")
public interface ConsoleConfig {

  /**
   * Mark the sign-in cookie Secure (sent over HTTPS only). Browsers also accept a Secure cookie
   * from http://localhost; turn it off only for a console reached over plain HTTP on another host.
   */
  @WithDefault("true")
  boolean secureCookie();

  /** Seconds between the pages' own refreshes (saga list and views of running work). */
  @WithDefault("5")
  int refreshSeconds();
}
