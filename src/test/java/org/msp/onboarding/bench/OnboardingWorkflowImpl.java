package org.msp.onboarding.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.StepOptions;
import dev.dbos.transact.workflow.Workflow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The onboarding saga written the way DBOS Transact intends: a {@code @Workflow} whose every
 * NinjaOne call is a {@code runStep}, so DBOS checkpoints each call's result in its system database
 * and a restarted process resumes after the last finished call. Retries use DBOS's own step retry
 * (attempts and backoff like the service's defaults); the benchmark injects no failures, so they
 * never fire.
 */
public class OnboardingWorkflowImpl implements OnboardingWorkflow {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DBOS dbos;
  private final NinjaOneHttp ninjaOne;

  OnboardingWorkflowImpl(DBOS dbos, NinjaOneHttp ninjaOne) {
    this.dbos = dbos;
    this.ninjaOne = ninjaOne;
  }

  @Override
  @Workflow(name = "onboard")
  public long onboard(String requestJson) {
    try {
      return OnboardingSteps.run(JSON.readTree(requestJson), ninjaOne, this::step);
    } catch (IOException e) {
      throw new UncheckedIOException("request is not JSON", e);
    }
  }

  private <T> T step(String name, Supplier<T> call) {
    StepOptions options =
        new StepOptions(name)
            .withMaxAttempts(8)
            .withRetryInterval(Duration.ofSeconds(1))
            .withBackoffRate(2.0);
    return dbos.runStep(call::get, options);
  }
}
