package org.msp.onboarding.simulator;

/** One entry of an organization's policy mapping: which policy a node role gets. */
public record SimPolicyMapping(long nodeRoleId, long policyId) {}
