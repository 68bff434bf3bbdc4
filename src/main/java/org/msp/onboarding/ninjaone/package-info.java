/**
 * The NinjaOne REST client and its wrapper (tokens, errors, Retry-After, circuit, catalog cache,
 * metrics) behind the saga's port, and the adapters behind the audit's and the tag jobs' ports.
 */
package org.msp.onboarding.ninjaone;
