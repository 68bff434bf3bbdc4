package org.msp.onboarding.simulator;

import java.time.Instant;

/**
 * One call the simulator received (admin calls under /_sim/ are not logged).
 *
 * @param status the status answered, or -1 when the connection was dropped instead of answering
 * @param fault  null, or the kind of fault applied: "status", "throttle", "html", "drop" or "delay"
 */
public record SimCall(Instant at, String method, String path, String query, int status, String fault) {
}
