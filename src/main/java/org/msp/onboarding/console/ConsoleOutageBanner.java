package org.msp.onboarding.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.msp.onboarding.ninjaone.NinjaOneCircuit;

/**
 * The line every console page shows while this instance's NinjaOne circuit is open (layout:
 * inject:outageBanner).
 */
@Named("outageBanner")
@ApplicationScoped
public class ConsoleOutageBanner {
  private final NinjaOneCircuit circuit;

  public ConsoleOutageBanner(NinjaOneCircuit circuit) {
    this.circuit = circuit;
  }

  /** Empty while the circuit is closed. */
  public String getText() {
    NinjaOneCircuit.Status status = circuit.status();
    if (status.state() == NinjaOneCircuit.State.CLOSED) {
      return "";
    }
    String next =
        status.state() == NinjaOneCircuit.State.PROBING ? "now" : at(status.nextProbeAt());
    return "NinjaOne is not answering (since "
        + at(status.openedAt())
        + "): no saga step starts here; sagas wait"
        + " without using their retries and resume by themselves. Next probe: "
        + next
        + ".";
  }

  private static String at(java.time.Instant instant) {
    return instant == null ? "-" : ConsoleFormat.at(instant);
  }
}
