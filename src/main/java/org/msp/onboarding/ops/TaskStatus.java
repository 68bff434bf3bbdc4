package org.msp.onboarding.ops;

import java.util.Locale;
import org.msp.onboarding.persistence.AgentDeploymentTaskEntity;
import org.msp.onboarding.web.ProblemException;

/** Parses an agent-deployment task status given by a client. */
final class TaskStatus {
  private TaskStatus() {}

  static String parse(String parameter, String value) {
    String wanted = value.trim().toUpperCase(Locale.ROOT);
    if (!AgentDeploymentTaskEntity.STATUSES.contains(wanted)) {
      throw ProblemException.badParameter(
          parameter, parameter + " must be one of PENDING, DEPLOYED, CANCELLED");
    }
    return wanted;
  }
}
