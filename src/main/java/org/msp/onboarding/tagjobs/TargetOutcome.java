package org.msp.onboarding.tagjobs;

import java.time.Duration;
import java.util.List;

/** What one attempt at one organization came to; {@code patched} says whether it sent the PATCH. */
sealed interface TargetOutcome {
  List<String> tagsRead();

  boolean patched();

  record Verified(List<String> tagsRead, List<String> tagsAfter, boolean patched)
      implements TargetOutcome {}

  record RetryLater(List<String> tagsRead, boolean patched, String error, Duration retryAfter)
      implements TargetOutcome {}

  record Failed(List<String> tagsRead, boolean patched, String error) implements TargetOutcome {}
}
