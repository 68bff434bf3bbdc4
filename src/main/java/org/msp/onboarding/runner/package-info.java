/**
 * Runs sagas: the intake's new sagas, claims, one transaction per commit of the declared step list,
 * worker threads with lease and heartbeat, step metrics and tracing, record-failure halting.
 */
package org.msp.onboarding.runner;
