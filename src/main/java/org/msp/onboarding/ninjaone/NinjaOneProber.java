package org.msp.onboarding.ninjaone;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.msp.onboarding.saga.RemoteCallException;

/**
 * While the circuit is open, asks NinjaOne one harmless question at a time (a token if none is
 * held, then one organization), when the circuit says a probe is due. An answer closes the circuit
 * (NinjaOneCallMetrics reports it); a failure schedules the next probe.
 */
@ApplicationScoped
public class NinjaOneProber {
  private static final Logger LOG = Logger.getLogger(NinjaOneProber.class);

  private final NinjaOneCircuit circuit;
  private final NinjaOneClient client;
  private final MeterRegistry registry;

  public NinjaOneProber(NinjaOneCircuit circuit, NinjaOneClient client, MeterRegistry registry) {
    this.circuit = circuit;
    this.client = client;
    this.registry = registry;
    Gauge.builder("ninjaone.circuit.state", circuit, c -> c.state().ordinal())
        .description(
            "NinjaOne circuit of this instance: 0 closed, 1 open (no step starts), 2 probing")
        .register(registry);
  }

  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void probeWhenDue() {
    if (!circuit.startProbe()) {
      return;
    }
    try {
      client.probe(); // its answer, reported by NinjaOneCallMetrics, has closed the circuit
      count("up");
      LOG.info("NinjaOne answered the probe: circuit closed, sagas resume gradually");
    } catch (RemoteCallException e) {
      circuit.probeFailed(e.retryAfter(), e.getMessage());
      count("down");
      LOG.infof(
          "NinjaOne probe failed (%s); next probe at %s",
          e.getMessage(), circuit.status().nextProbeAt());
    } catch (RuntimeException e) {
      circuit.probeFailed(null, e.toString());
      count("down");
      LOG.warnf("NinjaOne probe failed unexpectedly: %s", e.toString());
    }
  }

  private void count(String outcome) {
    registry.counter("ninjaone.circuit.probes", "outcome", outcome).increment();
  }
}
