package org.msp.onboarding.saga;

/** One run of a step (or of its compensation) and what it came to. */
public record StepRun(Work work, StepOutcome outcome) {}
