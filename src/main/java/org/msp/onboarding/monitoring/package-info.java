/**
 * Saga counters (observing committed domain events) and gauges, the latency timers' histogram
 * buckets, and the Kafka and NinjaOne health groups (kept out of readiness so pods stay ready while
 * either is away). The alerts and the dashboard built on these meters are in deploy/k8s/monitoring.
 */
package org.msp.onboarding.monitoring;
