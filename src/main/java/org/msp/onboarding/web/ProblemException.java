package org.msp.onboarding.web;

/** An API error (ops, audit, tag jobs) answered as problem+json. */
public class ProblemException extends RuntimeException {
  private final Problem problem;

  private ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException badParameter(String parameter, String detail) {
    return new ProblemException(
        new Problem(
            "https://onboarding.msp/problems/bad-parameter",
            "Bad parameter",
            400,
            detail,
            parameter));
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(
        new Problem("https://onboarding.msp/problems/not-found", "Not found", 404, detail, null));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(
        new Problem(
            "https://onboarding.msp/problems/action-not-allowed",
            "Action not allowed in this state",
            409,
            detail,
            null));
  }

  /** A well-formed request whose content the service refuses (e.g. an invalid event body). */
  public static ProblemException unprocessable(String parameter, String detail) {
    return new ProblemException(
        new Problem(
            "https://onboarding.msp/problems/invalid-content",
            "Unprocessable content",
            422,
            detail,
            parameter));
  }

  /** A dependency (Kafka, say) did not answer in time; trying again later may work. */
  public static ProblemException unavailable(String detail) {
    return new ProblemException(
        new Problem(
            "https://onboarding.msp/problems/unavailable",
            "Service unavailable",
            503,
            detail,
            null));
  }
}
