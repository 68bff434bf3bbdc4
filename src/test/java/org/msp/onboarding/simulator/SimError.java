package org.msp.onboarding.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the API answers with NinjaOne's application error body {"resultCode", "errorMessage"}.
 * Thrown from validation deep inside a handler and turned into a response by the dispatcher.
 */
final class SimError extends RuntimeException {

  private final int status;
  private final String resultCode;
  private final boolean contractViolation;

  SimError(int status, String resultCode, String message) {
    this(status, resultCode, message, false);
  }

  private SimError(int status, String resultCode, String message, boolean contractViolation) {
    // no stack trace: these errors are ordinary answers, and filling traces would cost time under
    // load
    super(message, null, false, false);
    this.status = status;
    this.resultCode = resultCode;
    this.contractViolation = contractViolation;
  }

  /**
   * A request NinjaOne's published document does not describe (see {@link SimContract}); logged for
   * tests.
   */
  static SimError contractViolation(String message) {
    return new SimError(400, "BAD_REQUEST", message, true);
  }

  boolean isContractViolation() {
    return contractViolation;
  }

  static SimError badRequest(String message) {
    return new SimError(400, "BAD_REQUEST", message);
  }

  static SimError notFound(String message) {
    return new SimError(404, "NOT_FOUND", message);
  }

  static SimError conflict(String message) {
    return new SimError(409, "CONFLICT", message);
  }

  SimResponse toResponse() {
    return SimResponse.json(status, body(resultCode, getMessage()));
  }

  static Map<String, Object> body(String resultCode, String message) {
    Map<String, Object> body = new LinkedHashMap<>(); // resultCode first, as NinjaOne writes it
    body.put("resultCode", resultCode);
    body.put("errorMessage", message);
    return body;
  }
}
