package org.msp.onboarding.monitoring;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.msp.onboarding.ninjaone.NinjaOneCallMetrics;

/**
 * NinjaOne's reachability, in its own health group (/q/health/group/ninjaone), not in readiness: while NinjaOne
 * is down the service still accepts requests and holds them as waiting sagas, so pods must stay ready.
 */
@HealthGroup("ninjaone")
@ApplicationScoped
public class NinjaOneHealthCheck implements HealthCheck {
  static final int FAILURES_FOR_DOWN = 5;

  private final NinjaOneCallMetrics calls;

  public NinjaOneHealthCheck(NinjaOneCallMetrics calls) {
    this.calls = calls;
  }

  @Override
  public HealthCheckResponse call() {
    int failures = calls.failuresInARow();
    HealthCheckResponseBuilder response = HealthCheckResponse.named("NinjaOne API")
        .status(failures < FAILURES_FOR_DOWN)
        .withData("failuresInARow", failures);
    if (calls.lastAnswer() != null) {
      response.withData("lastAnswer", calls.lastAnswer().toString());
    }
    if (calls.lastFailure() != null) {
      response.withData("lastFailure", calls.lastFailure());
    }
    return response.build();
  }
}
