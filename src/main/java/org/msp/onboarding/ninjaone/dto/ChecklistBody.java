package org.msp.onboarding.ninjaone.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The parts of NinjaOne's ClientChecklistPublicApiDTO the checklist step reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChecklistBody(Long id, String name, Long organizationId) {}
