package org.msp.onboarding.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.messaging.Topics;

class DeadLetterIT extends StackTest {

  private ConsumerRecord<String, byte[]> deadLetterFor(String key) {
    List<ConsumerRecord<String, byte[]>> found =
        TopicReader.awaitRecords(
            stack.kafka.bootstrapServers(),
            Topics.REQUESTS_DLQ,
            r -> key.equals(r.key()),
            1,
            Duration.ofSeconds(30));
    assertEquals(1, found.size(), "one dead letter for " + key);
    return found.get(0);
  }

  @Test
  void malformedEventsGoToTheDeadLetterTopicWhileTheNextGoodEventCompletes() {
    String notJson = "bad-" + UUID.randomUUID();
    byte[] garbage = "this is not JSON {".getBytes(StandardCharsets.UTF_8);
    stack.publish(notJson, garbage);

    Events.Event missingName = Events.newClient("missing-name");
    missingName.organization().remove("name");
    stack.publish(missingName);

    Events.Event badMode = Events.newClient("bad-mode");
    badMode.organization().put("nodeApprovalMode", "SOMETIMES");
    stack.publish(badMode);

    Events.Event good = Events.newClient("good-after-bad");
    stack.publish(good);
    api.awaitStatus(good.clientId(), "COMPLETED");

    ConsumerRecord<String, byte[]> dead = deadLetterFor(notJson);
    assertArrayEquals(garbage, dead.value(), "the original payload is kept");
    assertTrue(
        TopicReader.header(dead, "dead-letter-reason").contains("JSON"),
        TopicReader.header(dead, "dead-letter-reason"));
    assertTrue(
        TopicReader.header(deadLetterFor(missingName.clientId()), "dead-letter-reason")
            .contains("organization.name"));
    assertTrue(
        TopicReader.header(deadLetterFor(badMode.clientId()), "dead-letter-reason")
            .contains("nodeApprovalMode"));
    assertEquals(0, api.sagasOf(missingName.clientId()).size());
  }

  @Test
  void theSameEventTwiceInOnePollStartsOneSagaAndIsNotDeadLettered() {
    Events.Event event = Events.newClient("twice-in-a-poll");
    stack.publishAll(List.of(event, event));

    api.awaitStatus(event.clientId(), "COMPLETED");
    assertEquals(1, api.sagasOf(event.clientId()).size(), "one saga for the event");
    List<ConsumerRecord<String, byte[]>> dead =
        TopicReader.awaitRecords(
            stack.kafka.bootstrapServers(),
            Topics.REQUESTS_DLQ,
            r -> event.clientId().equals(r.key()),
            1,
            Duration.ofSeconds(3));
    assertTrue(dead.isEmpty(), "a repeated event is ignored, not dead-lettered");
  }
}
