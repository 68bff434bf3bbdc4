package org.msp.onboarding.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.msp.onboarding.simulator.NinjaOneSimulator;

/**
 * Base of the integration tests: the shared real stack, with NinjaOne faults cleared around each
 * test.
 */
abstract class StackTest {
  protected TestStack stack;
  protected NinjaOneSimulator ninjaOne;
  protected SagaApi api;

  @BeforeEach
  void connect() {
    stack = TestStack.get();
    ninjaOne = stack.ninjaOne;
    ninjaOne.resetFaults();
    api = new SagaApi(stack);
  }

  @AfterEach
  void clearFaults() {
    ninjaOne.resetFaults();
  }
}
