/**
 * Typed saga configuration (@ConfigMapping), the wiring of the plain-Java saga engine, and the
 * check that refuses to start a production instance with a missing or placeholder credential.
 */
package org.msp.onboarding.config;
