/**
 * The NinjaOne REST client and its wrapper behind the saga's port: tokens, error classification,
 * Retry-After, the circuit and its prober, the tenant catalog cache and call metrics.
 */
package org.msp.onboarding.ninjaone;
