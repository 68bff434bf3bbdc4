/**
 * The operators' web console: Qute pages over the ops API's rules and views (sagas, tasks, audit,
 * tag jobs), its sign-in (pasted token, or the identity provider's code flow where one is
 * configured), origin check, security headers and the NinjaOne outage banner.
 */
package org.msp.onboarding.console;
