package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.msp.onboarding.saga.ConcurrentCalls;
import org.msp.onboarding.saga.FailureCode;
import org.msp.onboarding.saga.NinjaOne;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.saga.SagaData;
import org.msp.onboarding.saga.SagaEvent;
import org.msp.onboarding.saga.SagaStep;
import org.msp.onboarding.saga.StepContext;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.request.AgentDeploymentRequest;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.DeploymentPlan;

/**
 * Step 5. Fetches an installer link per planned deployment, side by side ({@link ConcurrentCalls});
 * its success makes them deployment tasks (an event storage turns into rows), and its rollback
 * cancels them.
 */
@ApplicationScoped
public class RecordAgentDeploymentsStep implements SagaStep {
  private final NinjaOne ninjaOne;
  private final ConcurrentCalls calls;

  @Inject
  public RecordAgentDeploymentsStep(NinjaOne ninjaOne, ConcurrentCalls calls) {
    this.ninjaOne = ninjaOne;
    this.calls = calls;
  }

  public RecordAgentDeploymentsStep(NinjaOne ninjaOne) {
    this(ninjaOne, ConcurrentCalls.oneAfterAnother());
  }

  @Override
  public StepName name() {
    return StepName.RECORD_AGENT_DEPLOYMENTS;
  }

  @Override
  public boolean hasWork(ClientRequest request) {
    return request.mayDeployAgents();
  }

  @Override
  public StepOutcome execute(StepContext context) {
    long organizationId = context.data().organizationId;
    if (context.data().deployments == null) {
      List<AgentDeploymentRequest> planned =
          DeploymentPlan.planned(context.request(), ninjaOne.catalog(false).roleClasses());
      List<String> added = context.data().addedLocations;
      // an update installs agents at the sites it added; the others were planned when they were
      context.data().deployments =
          added == null
              ? planned
              : planned.stream().filter(d -> added.contains(d.location())).toList();
    }
    List<AgentDeploymentRequest> missing = new ArrayList<>();
    for (AgentDeploymentRequest deployment : context.data().deployments) {
      if (context.data().installerUrls.containsKey(deployment.key())) {
        continue;
      }
      if (!context.data().locationIds.containsKey(deployment.location())) {
        return new StepOutcome.Failed(
            FailureCode.REJECTED,
            "deployment names location '" + deployment.location() + "', which was not added");
      }
      missing.add(deployment);
    }
    List<ConcurrentCalls.Result<String>> links =
        calls.run(
            missing.stream()
                .<Supplier<String>>map(
                    deployment ->
                        () ->
                            ninjaOne.installerUrl(
                                organizationId,
                                context.data().locationIds.get(deployment.location()),
                                deployment.installerType(),
                                deployment.nodeRoleId()))
                .toList());
    // The links fetched are kept, even when another one failed: the retry fetches only the rest.
    StepOutcome failure = null;
    for (int i = 0; i < missing.size(); i++) {
      try {
        context.data().installerUrls.put(missing.get(i).key(), links.get(i).get());
      } catch (RemoteCallException e) {
        failure = failure != null ? failure : e.toOutcome();
      }
    }
    if (failure != null) {
      return failure;
    }
    return StepOutcome.succeeded(new SagaEvent.DeploymentTasksDue(organizationId, tasks(context)));
  }

  private static List<SagaEvent.DeploymentTask> tasks(StepContext context) {
    SagaData data = context.data();
    return data.deployments.stream()
        .map(
            d ->
                new SagaEvent.DeploymentTask(
                    d.location(),
                    data.locationIds.get(d.location()),
                    d.installerType(),
                    d.nodeRoleId(),
                    data.installerUrls.get(d.key())))
        .toList();
  }

  /** The installer links stay valid; the tasks that would use them are cancelled. */
  @Override
  public StepOutcome compensate(StepContext context) {
    return StepOutcome.succeeded(new SagaEvent.DeploymentTasksCancelled());
  }
}
