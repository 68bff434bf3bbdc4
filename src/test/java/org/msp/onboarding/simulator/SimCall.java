package org.msp.onboarding.simulator;

import java.time.Instant;

/**
 * One call the simulator received (admin calls under /_sim/ are not logged).
 *
 * @param status the status answered, or -1 when the connection was dropped instead of answering
 * @param fault null, or the kind of fault applied: "status", "throttle", "html", "drop" or "delay"
 * @param traceparent the W3C trace context the caller sent, or null
 */
public record SimCall(
    Instant at,
    String method,
    String path,
    String query,
    int status,
    String fault,
    String traceparent) {

  public SimCall(Instant at, String method, String path, String query, int status, String fault) {
    this(at, method, path, query, status, fault, null);
  }
}
