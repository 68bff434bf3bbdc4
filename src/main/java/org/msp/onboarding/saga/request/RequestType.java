package org.msp.onboarding.saga.request;

/** What a client event asks for; each is run as a saga of its own type (SagaDefinition). */
public enum RequestType {
  ONBOARDING("ClientOnboardingRequested"),
  UPDATE("ClientUpdated"),
  OFFBOARDING("ClientOffboarded");

  private final String wireName;

  RequestType(String wireName) {
    this.wireName = wireName;
  }

  /** The name events and sagas carry. */
  public String wireName() {
    return wireName;
  }

  /** The type a request names; absent means onboarding. */
  public static RequestType of(String wireName) {
    return find(wireName)
        .orElseThrow(() -> new IllegalArgumentException("unknown request type " + wireName));
  }

  /** The type of this name, if it is one; null names onboarding. */
  public static java.util.Optional<RequestType> find(String wireName) {
    if (wireName == null) {
      return java.util.Optional.of(ONBOARDING);
    }
    return java.util.Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
  }

  /** True when the request carries the client's organization (all but offboarding). */
  public boolean describesOrganization() {
    return this != OFFBOARDING;
  }
}
