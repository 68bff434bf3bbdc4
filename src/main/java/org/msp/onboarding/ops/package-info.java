/**
 * The ops REST API v1: saga and agent-deployment task queries and operator actions, its views,
 * roles, paging and the problem+json answers for every error.
 */
package org.msp.onboarding.ops;
