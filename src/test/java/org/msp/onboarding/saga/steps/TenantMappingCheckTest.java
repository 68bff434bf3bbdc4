package org.msp.onboarding.saga.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.saga.NinjaOne.TenantCatalog;
import org.msp.onboarding.saga.request.AgentDeploymentRequest;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.DeploymentPlan;
import org.msp.onboarding.saga.request.LocationRequest;
import org.msp.onboarding.saga.request.OrganizationRequest;
import org.msp.onboarding.saga.request.PolicyRequest;

class TenantMappingCheckTest {
  private static final TenantCatalog TENANT =
      new TenantCatalog(
          Map.of(7L, "WINDOWS_SERVER", 8L, "MAC", 9L, "VMWARE_VM_HOST"),
          Map.of(70L, "WINDOWS_SERVER", 80L, "MAC", 81L, "WINDOWS_WORKSTATION"));

  private static ClientRequest request(
      List<PolicyRequest> policies, List<AgentDeploymentRequest> deployments) {
    return new ClientRequest(
        null,
        "e",
        "c",
        null,
        null,
        new OrganizationRequest(
            "Acme",
            null,
            null,
            null,
            null,
            List.of(new LocationRequest("HQ", null, null), new LocationRequest("Lab", null, null)),
            policies,
            null,
            null),
        deployments,
        null,
        null);
  }

  private static Optional<String> refusal(
      List<PolicyRequest> policies, List<AgentDeploymentRequest> deployments) {
    return TenantMappingCheck.refusal(request(policies, deployments), TENANT);
  }

  @Test
  void mappingsOfExistingRolesToPoliciesOfTheirClassPass() {
    assertEquals(
        Optional.empty(),
        refusal(
            List.of(new PolicyRequest(7L, 70L), new PolicyRequest(8L, 80L)),
            List.of(
                new AgentDeploymentRequest("HQ", "MAC_DMG", 8L),
                new AgentDeploymentRequest("Lab", "LINUX_RPM", null))));
  }

  @Test
  void unknownRoleUnknownPolicyAndClassMismatchAreAllNamed() {
    String reason =
        refusal(
                List.of(
                    new PolicyRequest(1L, 70L),
                    new PolicyRequest(7L, 99L),
                    new PolicyRequest(8L, 81L)),
                null)
            .orElseThrow();
    assertTrue(reason.contains("node role 1 does not exist"), reason);
    assertTrue(reason.contains("policy 99 does not exist"), reason);
    assertTrue(
        reason.contains("policy 81 is for WINDOWS_WORKSTATION devices but node role 8 is MAC"),
        reason);
  }

  @Test
  void deploymentForARoleItsInstallerDoesNotServeIsRefused() {
    assertTrue(
        refusal(List.of(), List.of(new AgentDeploymentRequest("HQ", "WINDOWS_MSI", 8L)))
            .orElseThrow()
            .contains("installer WINDOWS_MSI does not install node role 8 (MAC)"));
    assertTrue(
        refusal(List.of(), List.of(new AgentDeploymentRequest("HQ", "WINDOWS_MSI", 9L)))
            .isPresent(),
        "no agent installer serves a VMware host role");
    assertTrue(
        refusal(List.of(), List.of(new AgentDeploymentRequest("HQ", "WINDOWS_MSI", 3L)))
            .orElseThrow()
            .contains("names node role 3, which does not exist"));
  }

  @Test
  void impliedDeploymentsComeFromEachMappedRolesNodeClass() {
    List<AgentDeploymentRequest> planned =
        DeploymentPlan.planned(
            request(
                List.of(
                    new PolicyRequest(7L, 70L),
                    new PolicyRequest(8L, 80L),
                    new PolicyRequest(9L, 90L)),
                null),
            TENANT.roleClasses());
    assertEquals(
        List.of("HQ|WINDOWS_MSI", "HQ|MAC_PKG", "Lab|WINDOWS_MSI", "Lab|MAC_PKG"),
        planned.stream().map(AgentDeploymentRequest::key).toList());
  }
}
