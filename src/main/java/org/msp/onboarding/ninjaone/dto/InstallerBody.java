package org.msp.onboarding.ninjaone.dto;

/**
 * Body of POST /v2/organization/generate-installer (NinjaOne's GenerateInstallerRequestDto). The
 * node role goes in {@code content.nodeRoleId}, as a string: NinjaOne's document has no top-level
 * role property.
 */
public record InstallerBody(
    long organizationId, long locationId, String installerType, Content content) {

  /** NinjaOne's InstallerContent: a role id, or "auto" to let the agent pick its role. */
  public record Content(String nodeRoleId) {}

  public static InstallerBody forRole(
      long organizationId, long locationId, String installerType, long nodeRoleId) {
    return new InstallerBody(
        organizationId, locationId, installerType, new Content(Long.toString(nodeRoleId)));
  }
}
