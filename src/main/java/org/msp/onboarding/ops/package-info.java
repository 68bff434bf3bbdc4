/**
 * The ops REST API v1: saga and agent-deployment task queries and operator actions, their views and
 * paging; roles and problem+json come from {@code web}.
 */
package org.msp.onboarding.ops;
