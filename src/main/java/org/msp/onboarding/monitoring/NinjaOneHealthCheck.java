package org.msp.onboarding.monitoring;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.msp.onboarding.ninjaone.NinjaOneCallMetrics;
import org.msp.onboarding.ninjaone.NinjaOneCircuit;

/**
 * NinjaOne's reachability and this instance's circuit, in their own health group
 * (/q/health/group/ninjaone), not in readiness: while NinjaOne is down the service still accepts
 * requests and holds them as waiting sagas, so pods must stay ready.
 */
@HealthGroup("ninjaone")
@ApplicationScoped
public class NinjaOneHealthCheck implements HealthCheck {
  static final int FAILURES_FOR_DOWN = 5;

  private final NinjaOneCallMetrics calls;
  private final NinjaOneCircuit circuit;

  public NinjaOneHealthCheck(NinjaOneCallMetrics calls, NinjaOneCircuit circuit) {
    this.calls = calls;
    this.circuit = circuit;
  }

  @Override
  public HealthCheckResponse call() {
    int failures = calls.failuresInARow();
    NinjaOneCircuit.Status status = circuit.status();
    boolean closed = status.state() == NinjaOneCircuit.State.CLOSED;
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("NinjaOne API")
            .status(failures < FAILURES_FOR_DOWN && closed)
            .withData("failuresInARow", failures)
            .withData("circuit", status.state().name());
    if (!closed) {
      response
          .withData("circuitOpenedAt", String.valueOf(status.openedAt()))
          .withData("circuitReason", String.valueOf(status.reason()))
          .withData("nextProbeAt", String.valueOf(status.nextProbeAt()))
          .withData("failedProbes", status.failedProbes());
    }
    if (calls.lastAnswer() != null) {
      response.withData("lastAnswer", calls.lastAnswer().toString());
    }
    if (calls.lastFailure() != null) {
      response.withData("lastFailure", calls.lastFailure());
    }
    return response.build();
  }
}
