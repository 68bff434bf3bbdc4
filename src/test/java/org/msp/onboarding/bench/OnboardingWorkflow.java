package org.msp.onboarding.bench;

/**
 * The DBOS contender's workflow, behind an interface because DBOS instruments workflows through a
 * proxy.
 */
public interface OnboardingWorkflow {
  /**
   * Runs the five onboarding steps for one request (its JSON); answers the NinjaOne organization
   * id.
   */
  long onboard(String requestJson);
}
