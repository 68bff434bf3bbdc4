package org.msp.onboarding.runner;

import org.msp.onboarding.saga.Saga;
import org.msp.onboarding.saga.Work;

/**
 * A saga this instance holds the lease on, as last written, with its due step and the trace context
 * its steps continue.
 */
public record Claimed(Saga saga, Work work, String traceparent) {}
