/**
 * What every HTTP surface shares (ops API, audit, tag jobs, console): the two roles and the
 * problem+json error with its exception mappers.
 */
package org.msp.onboarding.web;
