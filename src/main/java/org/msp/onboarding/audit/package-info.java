/**
 * The organization audit: compares NinjaOne's organizations, read through its port TenantReads,
 * with what COMPLETED sagas set, page by page, and reports verdicts and drift on the API.
 */
package org.msp.onboarding.audit;
