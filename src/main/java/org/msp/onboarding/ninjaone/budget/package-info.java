/**
 * The tenant's NinjaOne request budget: request slots shared by every instance through PostgreSQL
 * (or held in one process), paced calls, AIMD on throttled answers, and its metrics.
 */
package org.msp.onboarding.ninjaone.budget;
