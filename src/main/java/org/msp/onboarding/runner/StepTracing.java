package org.msp.onboarding.runner;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.msp.onboarding.saga.Work;

/**
 * Continues the request's trace for each step: a span whose parent is the stored traceparent,
 * current while the step calls NinjaOne, so the REST client's calls carry the same trace id (also
 * with the SDK off: the parent context still propagates).
 */
@ApplicationScoped
public class StepTracing {
  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final Tracer tracer;

  public StepTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /** A span for one step run; closing it ends the span and restores the previous context. */
  public interface StepSpan extends AutoCloseable {
    @Override
    void close();
  }

  StepSpan start(String traceparent, Work work) {
    Context parent =
        traceparent == null
            ? Context.root()
            : W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of("traceparent", traceparent), GETTER);
    Span span =
        tracer
            .spanBuilder("onboarding " + work.phase().name().toLowerCase() + " " + work.step())
            .setParent(parent)
            .setAttribute("onboarding.saga.id", work.sagaId().toString())
            .setAttribute("onboarding.client.id", work.clientId())
            .setAttribute("onboarding.step.attempt", work.attempt())
            .startSpan();
    Scope scope = parent.with(span).makeCurrent();
    return () -> {
      scope.close();
      span.end();
    };
  }
}
