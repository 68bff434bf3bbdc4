package org.msp.onboarding.saga.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@JsonIgnoreProperties(ignoreUnknown = true)
public record LocationRequest(
    @NotBlank
        @Size(max = Limits.MAX_NAME)
        @Pattern(regexp = Limits.NO_CONTROL_CHARS, message = Limits.CONTROL_MESSAGE)
        String name,
    @Size(max = 500) String address,
    @Size(max = 1000) String description) {}
