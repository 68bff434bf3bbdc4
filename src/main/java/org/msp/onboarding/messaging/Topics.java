package org.msp.onboarding.messaging;

/** Topic and channel names: a contract with the CRM/PSA publishers and the tests. */
public final class Topics {
  public static final String REQUESTS = "client-onboarding-requests";
  public static final String REQUESTS_DLQ = "client-onboarding-requests-dlq";
  public static final String EVENTS = "client-onboarding-events";
  public static final String REQUESTS_CHANNEL = "onboarding-requests";
  public static final String EVENTS_CHANNEL = "onboarding-events";

  private Topics() {}
}
