/**
 * The organization audit: compares NinjaOne's organizations with what COMPLETED sagas set, page by
 * page, and reports the verdicts and drift through the ops API.
 */
package org.msp.onboarding.audit;
