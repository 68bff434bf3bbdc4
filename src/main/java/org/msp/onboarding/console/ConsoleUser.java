package org.msp.onboarding.console;

import io.quarkus.security.identity.SecurityIdentity;
import org.msp.onboarding.web.Roles;

/**
 * Who is looking at the console; {@code operator} decides, on the server, whether action buttons
 * exist at all.
 */
public record ConsoleUser(String name, boolean operator) {

  static ConsoleUser of(SecurityIdentity identity) {
    return new ConsoleUser(identity.getPrincipal().getName(), identity.hasRole(Roles.OPERATOR));
  }

  public String role() {
    return operator ? Roles.OPERATOR : Roles.VIEWER;
  }
}
