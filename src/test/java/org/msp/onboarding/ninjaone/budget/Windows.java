package org.msp.onboarding.ninjaone.budget;

import java.util.List;

/** Counting calls in sliding one-second windows, as a per-second limit sees them. */
final class Windows {
  private Windows() {}

  /** The most of these moments (nanoseconds, sorted) that fall into any window [t, t + 1 s). */
  static int maxInAnySecond(List<Long> sortedNanos) {
    int best = 0;
    int start = 0;
    for (int end = 0; end < sortedNanos.size(); end++) {
      while (sortedNanos.get(end) - sortedNanos.get(start) >= 1_000_000_000L) {
        start++;
      }
      best = Math.max(best, end - start + 1);
    }
    return best;
  }
}
