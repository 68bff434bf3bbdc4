package org.msp.onboarding.saga.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.msp.onboarding.saga.NinjaOne;
import org.msp.onboarding.saga.NinjaOne.TenantCatalog;
import org.msp.onboarding.saga.request.AgentDeploymentRequest;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.DeploymentPlan;
import org.msp.onboarding.saga.request.PolicyRequest;

/**
 * Refuses, before anything is written, what the tenant cannot take: a node role or policy it does
 * not have, a policy of another node class than its role, an installer that does not serve its
 * role's class. Found halfway, the same mistake would leave an organization to roll back.
 */
final class TenantMappingCheck {

  private TenantMappingCheck() {}

  /**
   * Reads the cached catalog, and once more from NinjaOne when an id is missing (it may be new).
   */
  static Optional<String> refusal(ClientRequest request, NinjaOne ninjaOne) {
    Optional<String> refusal = refusal(request, ninjaOne.catalog(false));
    return refusal.isPresent() ? refusal(request, ninjaOne.catalog(true)) : refusal;
  }

  static Optional<String> refusal(ClientRequest request, TenantCatalog catalog) {
    List<String> problems = new ArrayList<>();
    for (PolicyRequest policy : request.organization().policiesOrEmpty()) {
      String roleClass = catalog.roleClasses().get(policy.nodeRoleId());
      String policyClass = catalog.policyClasses().get(policy.policyId());
      if (roleClass == null) {
        problems.add(
            "node role " + policy.nodeRoleId() + " does not exist in this NinjaOne tenant");
      } else if (policyClass == null) {
        problems.add("policy " + policy.policyId() + " does not exist in this NinjaOne tenant");
      } else if (!policyClass.equals(roleClass)) {
        problems.add(
            "policy "
                + policy.policyId()
                + " is for "
                + policyClass
                + " devices but node role "
                + policy.nodeRoleId()
                + " is "
                + roleClass);
      }
    }
    if (request.agentDeployments() != null) {
      for (AgentDeploymentRequest deployment : request.agentDeployments()) {
        deploymentProblem(deployment, catalog).ifPresent(problems::add);
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  private static Optional<String> deploymentProblem(
      AgentDeploymentRequest deployment, TenantCatalog catalog) {
    if (deployment.nodeRoleId() == null) {
      return Optional.empty();
    }
    String roleClass = catalog.roleClasses().get(deployment.nodeRoleId());
    if (roleClass == null) {
      return Optional.of(
          "agent deployment for '"
              + deployment.location()
              + "' names node role "
              + deployment.nodeRoleId()
              + ", which does not exist in this NinjaOne tenant");
    }
    if (!DeploymentPlan.installs(deployment.installerType(), roleClass)) {
      return Optional.of(
          "installer "
              + deployment.installerType()
              + " does not install node role "
              + deployment.nodeRoleId()
              + " ("
              + roleClass
              + ")");
    }
    return Optional.empty();
  }
}
