package org.msp.onboarding.ninjaone.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of NinjaOne's NodeWithDetailedReferences (GET /v2/organization/{id}/devices) that
 * confirms agent deployments: where the device is, what kind it is, and whether it waits for
 * approval (approvalStatus PENDING or APPROVED).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceBody(
    long id,
    Long organizationId,
    Long locationId,
    String nodeClass,
    Long nodeRoleId,
    String approvalStatus,
    String displayName,
    String systemName) {}
