/**
 * Saga counters (observing committed domain events) and gauges, and the Kafka and NinjaOne health
 * groups (kept out of readiness so pods stay ready while either is away).
 */
package org.msp.onboarding.monitoring;
