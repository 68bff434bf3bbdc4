/**
 * Saga counters and gauges, the stuck rule, and the Kafka and NinjaOne health groups (kept out of
 * readiness so pods stay ready while either is away).
 */
package org.msp.onboarding.monitoring;
