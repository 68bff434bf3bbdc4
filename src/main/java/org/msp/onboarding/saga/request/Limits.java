package org.msp.onboarding.saga.request;

/**
 * Input limits: NinjaOne's own limits are undocumented, so these keep names usable in its web app.
 */
public final class Limits {
  public static final int MAX_NAME = 128;
  public static final int MAX_LOCATIONS = 200;
  public static final int MAX_POLICIES = 50;
  public static final int MAX_TAGS = 50;
  public static final int MAX_FIELDS = 100;
  public static final int MAX_DEPLOYMENTS = 1000;
  public static final int MAX_CHECKLISTS = 20;

  /**
   * Any text without control characters (tabs and newlines included): they break NinjaOne's UI and
   * logs.
   */
  public static final String NO_CONTROL_CHARS = "[^\\p{Cntrl}]*";

  public static final String CONTROL_MESSAGE = "must not contain control characters";

  private Limits() {}
}
