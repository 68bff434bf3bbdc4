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
}
