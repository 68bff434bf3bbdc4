package org.msp.onboarding.ninjaone.dto;

import java.util.List;

/** NinjaOne's DeviceIDList, the body of POST /v2/devices/approval/{mode}. */
public record DeviceIdListBody(List<Long> devices) {}
