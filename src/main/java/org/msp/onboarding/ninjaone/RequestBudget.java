package org.msp.onboarding.ninjaone;

/**
 * The NinjaOne request budget of the tenant (NINJAONE_REQUESTS_PER_SECOND): every call, token
 * requests included, waits for its turn, and a throttled answer slows every instance down. NinjaOne
 * limits per tenant, so the budget is shared by all instances (see {@code budget/}); with no budget
 * configured it costs nothing at all.
 */
public interface RequestBudget {
  /** No budget: calls go at once, nothing is counted and nothing touches the database. */
  RequestBudget NONE =
      new RequestBudget() {
        @Override
        public void acquire() {}

        @Override
        public void throttled() {}
      };

  /** Waits until this call may be sent. */
  void acquire();

  /**
   * Waits like {@link #acquire}, but only once no call of this instance waits for its turn: for
   * background reads (the device polls) that must never hold up a saga's step. Without a budget it
   * goes at once.
   */
  default void acquireBackground() {
    acquire();
  }

  /**
   * NinjaOne answered a call with a throttle (429): the tenant's limit is lower than the budget.
   */
  void throttled();
}
