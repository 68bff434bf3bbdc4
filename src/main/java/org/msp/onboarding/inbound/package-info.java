/**
 * The Kafka consumer of onboarding requests: topic names, parsing and validation, durable intake
 * into PostgreSQL, and dead letters with their reason.
 */
package org.msp.onboarding.inbound;
