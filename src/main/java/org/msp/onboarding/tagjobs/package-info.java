/**
 * Bulk tag jobs: the request and its check, the persisted job and its targets, and the worker that
 * applies each tag change (retries, read-back) through its NinjaOne port, OrganizationTags.
 */
package org.msp.onboarding.tagjobs;
