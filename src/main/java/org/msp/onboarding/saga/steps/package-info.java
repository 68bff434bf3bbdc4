/**
 * One class per onboarding step (create organization, add locations, map policies, set custom
 * fields, record agent deployments) with its compensation; the request's check against the tenant.
 */
package org.msp.onboarding.saga.steps;
