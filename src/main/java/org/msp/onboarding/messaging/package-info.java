/**
 * Kafka in and out: topic names, the consumer of onboarding requests (parsing, validation, durable
 * intake, dead letters with their reason and its stable code) and the relay of saga status events
 * from the outbox.
 */
package org.msp.onboarding.messaging;
