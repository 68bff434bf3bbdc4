package org.msp.onboarding.saga.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which agent installers a node role needs. Role ids are per tenant, so the installer follows the
 * role's nodeClass (from GET /v2/roles), never its number.
 */
public final class DeploymentPlan {
  /**
   * The installer types NinjaOne's published document lists
   * (GenerateInstallerRequestDto.installerType).
   */
  public static final String INSTALLER_TYPES =
      "WINDOWS_MSI|MAC_DMG|MAC_PKG|LINUX_DEB|LINUX_RPM|LINUX_ARM64_DEB|LINUX_ARMV7A_DEB"
          + "|LINUX_ARM64_RPM|LINUX_ARMV7A_RPM";

  private DeploymentPlan() {}

  /**
   * The installer a role of this node class gets by default; empty for classes no agent installer
   * serves.
   */
  public static Optional<String> defaultInstaller(String nodeClass) {
    if (nodeClass == null) {
      return Optional.empty();
    }
    return switch (nodeClass) {
      case "WINDOWS_WORKSTATION", "WINDOWS_SERVER" -> Optional.of("WINDOWS_MSI");
      case "MAC", "MAC_SERVER" -> Optional.of("MAC_PKG");
      case "LINUX_WORKSTATION", "LINUX_SERVER" -> Optional.of("LINUX_DEB");
      default -> Optional.empty();
    };
  }

  /**
   * Whether an installer of this type installs agents of this node class (MAC_DMG for a MAC role,
   * ...).
   */
  public static boolean installs(String installerType, String nodeClass) {
    Optional<String> family =
        defaultInstaller(nodeClass).map(type -> type.substring(0, type.indexOf('_')));
    return family.isPresent() && installerType.startsWith(family.get() + "_");
  }

  /**
   * The event's deployments, else one per location and per installer type implied by the mapped
   * roles.
   */
  public static List<AgentDeploymentRequest> planned(
      ClientRequest request, Map<Long, String> roleClasses) {
    if (request.agentDeployments() != null && !request.agentDeployments().isEmpty()) {
      return request.agentDeployments();
    }
    Set<String> types = new LinkedHashSet<>();
    for (PolicyRequest policy : request.organization().policiesOrEmpty()) {
      defaultInstaller(roleClasses.get(policy.nodeRoleId())).ifPresent(types::add);
    }
    List<AgentDeploymentRequest> planned = new ArrayList<>();
    for (LocationRequest location : request.organization().locationsOrEmpty()) {
      for (String type : types) {
        planned.add(new AgentDeploymentRequest(location.name(), type, null));
      }
    }
    return planned;
  }
}
