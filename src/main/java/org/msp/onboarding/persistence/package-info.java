/**
 * Panache entities of sagas, steps, attempts, tasks and outbox events, and the runner's short
 * transactions: intake, claim and lease, recording outcomes with their projections.
 */
package org.msp.onboarding.persistence;
