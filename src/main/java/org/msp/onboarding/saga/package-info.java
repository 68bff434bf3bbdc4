/**
 * The saga rules: engine, step contract and outcomes, statuses, failure codes, retry policy, and
 * the ports to NinjaOne and the name index. Knows nothing of Kafka, HTTP or transactions.
 */
package org.msp.onboarding.saga;
