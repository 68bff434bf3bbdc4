package org.msp.onboarding.ninjaone.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of POST /v2/organization/generate-installer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstallerBody(long organizationId, long locationId, String installerType, Long nodeRoleId) {}
