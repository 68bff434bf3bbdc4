/**
 * The onboarding request as the CRM/PSA event carries it (version 1): organization, locations,
 * policy mappings, agent deployments; its input limits and the deployment plan by node class.
 */
package org.msp.onboarding.saga.request;
