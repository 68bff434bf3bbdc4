package org.msp.onboarding.saga.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Derives agent deployments from the mapped node roles when an event lists none (design.md). */
public final class DeploymentPlan {
  /** The installer types NinjaOne's published document lists (GenerateInstallerRequestDto.installerType). */
  public static final String INSTALLER_TYPES =
      "WINDOWS_MSI|MAC_DMG|MAC_PKG|LINUX_DEB|LINUX_RPM|LINUX_ARM64_DEB|LINUX_ARMV7A_DEB"
          + "|LINUX_ARM64_RPM|LINUX_ARMV7A_RPM";

  private static final Map<Long, String> INSTALLER_BY_ROLE =
      Map.of(1L, "WINDOWS_MSI", 2L, "WINDOWS_MSI", 3L, "MAC_PKG", 4L, "LINUX_DEB", 5L, "LINUX_DEB");

  private DeploymentPlan() {}

  /** One task per location and per installer type implied by the mapped node roles. */
  public static List<AgentDeploymentRequest> implied(OrganizationRequest organization) {
    Set<String> types = new LinkedHashSet<>();
    for (PolicyRequest policy : organization.policiesOrEmpty()) {
      String type = INSTALLER_BY_ROLE.get(policy.nodeRoleId());
      if (type != null) {
        types.add(type);
      }
    }
    List<AgentDeploymentRequest> planned = new ArrayList<>();
    for (LocationRequest location : organization.locationsOrEmpty()) {
      for (String type : types) {
        planned.add(new AgentDeploymentRequest(location.name(), type, null));
      }
    }
    return planned;
  }
}
