/**
 * Relays the saga status events stored in the outbox table to client-onboarding-events, oldest
 * first, at least once, one relay at a time across instances.
 */
package org.msp.onboarding.outbox;
