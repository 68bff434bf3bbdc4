/**
 * Stores the saga's domain types (one row per saga holding its steps; claims, leases, conditional
 * writes) and turns their events into rows (outbox, tasks, history). Never decides what comes next.
 */
package org.msp.onboarding.persistence;
