package org.msp.onboarding.ninjaone;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Puts the current NinjaOne access token on every API call. */
@ApplicationScoped
public class BearerTokenHeaders implements ClientHeadersFactory {
  private final NinjaOneTokens tokens;

  public BearerTokenHeaders(NinjaOneTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public MultivaluedMap<String, String> update(
      MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    headers.putSingle("Authorization", "Bearer " + tokens.accessToken());
    // The saga step's trace context (see StepTracing); OpenTelemetry's client filter, when on, adds
    // its own span.
    W3CTraceContextPropagator.getInstance()
        .inject(Context.current(), headers, (carrier, key, value) -> carrier.putSingle(key, value));
    return headers;
  }
}
