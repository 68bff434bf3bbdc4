/**
 * Bulk tag jobs: the request and its validation, the persisted job and its targets, and the worker
 * that claims jobs and applies each organization's tag change with retries and a read-back.
 */
package org.msp.onboarding.tagjobs;
