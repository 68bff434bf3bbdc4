package org.msp.onboarding.persistence;

/**
 * What counting an outcome that could not be recorded left: the count in a row, and whether the
 * saga is halted.
 */
public record RecordFailures(int count, boolean halted) {}
