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
   * NinjaOne answered a call with a throttle (429): the tenant's limit is lower than the budget.
   */
  void throttled();
}
