/**
 * Agent deployments confirmed by NinjaOne: a job polls the devices of organizations with open
 * agent-deployment tasks (backoff per organization, background priority in the request budget) and
 * marks a task DEPLOYED when a device of its kind appears at its location; devices waiting for
 * approval there are listed, and operators approve or reject them (audit-logged). Its NinjaOne port
 * is OrganizationDevices.
 */
package org.msp.onboarding.devices;
