/**
 * Claims due sagas and drives them on worker threads (lease, heartbeat, one transaction per
 * outcome); step metrics and tracing; which outcomes that could not be recorded are permanent.
 */
package org.msp.onboarding.runner;
