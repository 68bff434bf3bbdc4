package org.msp.onboarding.web;

/** The two roles of the API and the console, carried in the bearer JWT's "groups" claim. */
public final class Roles {
  /** Reads everything. */
  public static final String VIEWER = "onboarding-viewer";

  /** Acts: retry, compensate, task updates (and reads). */
  public static final String OPERATOR = "onboarding-operator";

  private Roles() {}
}
