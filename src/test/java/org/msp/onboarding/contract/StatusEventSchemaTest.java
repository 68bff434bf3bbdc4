package org.msp.onboarding.contract;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The check every integration test applies to the status events it reads refuses what the service
 * must not publish; each case breaks one rule of a valid example.
 */
class StatusEventSchemaTest {
  private static final Path STARTED = Path.of("examples/status-events/saga-started.json");
  private static final Path COMPENSATED = Path.of("examples/status-events/saga-compensated.json");

  @Test
  void anEventWithoutItsSagaTypeIsRefused() {
    assertRefused(STARTED, e -> e.remove("sagaType"));
  }

  @Test
  void anEventWithAPropertyItsSchemaDoesNotNameIsRefused() {
    assertRefused(STARTED, e -> e.put("debug", "left in by mistake"));
  }

  @Test
  void anEventOfAnUnknownTypeIsRefused() {
    assertRefused(STARTED, e -> e.put("type", "SagaPaused"));
  }

  @Test
  void aTerminalEventWithARunningStatusIsRefused() {
    assertRefused(COMPENSATED, e -> e.put("status", "RUNNING"));
  }

  @Test
  void aCompensationWithoutAFailureCodeIsRefused() {
    assertRefused(COMPENSATED, e -> e.put("detail", "null: NinjaOne answered 409"));
  }

  @Test
  void aTimestampWithoutAnOffsetIsRefused() {
    assertRefused(STARTED, e -> e.put("occurredAt", "2026-11-28T09:00:01"));
  }

  private static void assertRefused(Path example, Consumer<ObjectNode> change) {
    ObjectNode event = (ObjectNode) RequestSamples.read(RequestSamples.bytes(example));
    change.accept(event);
    assertThrows(
        AssertionFailedError.class, () -> ContractSchemas.assertValidStatusEvent(event.toString()));
  }
}
