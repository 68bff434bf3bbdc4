package org.msp.onboarding.persistence;

import org.msp.onboarding.saga.SagaData;
import org.msp.onboarding.saga.Work;
import org.msp.onboarding.saga.request.OnboardingRequest;

/** A saga this instance now holds the lease on, with what its first due step needs. */
public record Claimed(Work work, OnboardingRequest request, SagaData data, String traceparent) {}
