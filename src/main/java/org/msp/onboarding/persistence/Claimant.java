package org.msp.onboarding.persistence;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

/**
 * Who claims sagas: the instance, the length of its leases, and the sagas it is driving right now.
 * Those are never claimed again by the same instance, even once their lease has expired (heartbeats
 * failing through a database failover, say), so one instance never runs a saga's step twice at
 * once.
 */
public record Claimant(String owner, Duration lease, Collection<UUID> busy) {}
