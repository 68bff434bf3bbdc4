/**
 * The NinjaOne REST client and its wrapper (tokens, errors, Retry-After, circuit, catalog cache,
 * metrics) behind the saga's port, the adapters behind the audit's and the tag jobs' ports, and
 * every ninjaone.* setting (NinjaOneConfig, validated at start).
 */
package org.msp.onboarding.ninjaone;
