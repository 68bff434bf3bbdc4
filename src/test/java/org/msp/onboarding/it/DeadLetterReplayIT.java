package org.msp.onboarding.it;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.harness.ServiceProcess;
import org.msp.onboarding.harness.TestJwt;
import org.msp.onboarding.messaging.Topics;

/**
 * Dead letters through the ops API on the real stack: listed from the topic with their reason,
 * paged and filtered, and replayed by an operator (with a corrected body or as they were) so that
 * the saga runs; never by a viewer, never with a body that would be dead-lettered again.
 */
class DeadLetterReplayIT extends StackTest {
  private static final String LETTERS = "/api/v1/dead-letters";

  private RequestSpecification viewer() {
    return stack.anonymous().auth().oauth2(stack.jwt.token("it-viewer", TestJwt.VIEWER));
  }

  private JsonPath page(RequestSpecification as, Map<String, Object> query) {
    return as.queryParams(query).get(LETTERS).then().statusCode(200).extract().jsonPath();
  }

  /** Waits until the client's letters (all reasons) number {@code count}; newest first. */
  private List<Map<String, Object>> awaitLetters(String clientId, int count) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                page(stack.request(), Map.of("clientId", clientId))
                    .<Map<String, Object>>getList("deadLetters"),
            letters -> letters.size() == count);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aMalformedEventIsListedThenReplayedWithACorrectedBodyAndItsSagaCompletes() {
    Events.Event event = Events.newClient("dl-replay");
    String name = event.organizationName();
    event.organization().remove("name");
    stack.publish(event);

    Map<String, Object> letter = awaitLetters(event.clientId(), 1).get(0);
    String id = (String) letter.get("id");
    assertEquals("INVALID_REQUEST", letter.get("reasonCode"));
    assertTrue(((String) letter.get("reason")).contains("organization.name"), letter.toString());
    assertEquals(Topics.REQUESTS, ((Map<?, ?>) letter.get("origin")).get("topic"));
    assertTrue(((String) letter.get("preview")).contains(event.eventId()), letter.toString());
    assertEquals(List.of(), letter.get("replays"));
    JsonPath detail =
        stack.request().get(LETTERS + "/" + id).then().statusCode(200).extract().jsonPath();
    assertEquals(event.json().toString(), detail.getString("body"), "the whole original body");

    Events.Event stillInvalid = new Events.Event(event.json().deepCopy());
    stillInvalid.organization().put("name", "");
    stack
        .request()
        .contentType("application/json")
        .body(stillInvalid.bytes())
        .post(LETTERS + "/" + id + "/replay")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("parameter", equalTo("body"));
    assertEquals(List.of(), awaitLetters(event.clientId(), 1).get(0).get("replays"));

    event.organization().put("name", name);
    JsonPath replay =
        stack
            .request()
            .contentType("application/json")
            .body(event.bytes())
            .post(LETTERS + "/" + id + "/replay")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();
    assertEquals("it-operator", replay.getString("replayedBy"));
    assertTrue(replay.getBoolean("corrected"));
    assertEquals(event.eventId(), replay.getString("eventId"));

    JsonPath saga = api.awaitStatus(event.clientId(), "COMPLETED");
    assertEquals(name, saga.getString("organizationName"));
    assertEquals(1, ninjaOne.organizationsNamed(name).size());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> replays =
        (List<Map<String, Object>>) awaitLetters(event.clientId(), 1).get(0).get("replays");
    assertEquals(1, replays.size(), "only the valid replay is recorded: " + replays);
    assertEquals("it-operator", replays.get(0).get("replayedBy"));
    assertEquals(true, replays.get(0).get("corrected"));
    assertNotNull(replays.get(0).get("replayedAt"));

    ConsumerRecord<String, byte[]> published =
        TopicReader.awaitRecords(
                stack.kafka.bootstrapServers(),
                Topics.REQUESTS,
                r ->
                    event.clientId().equals(r.key())
                        && TopicReader.header(r, "replay-of-dead-letter") != null,
                1,
                Duration.ofSeconds(30))
            .get(0);
    assertEquals(id, TopicReader.header(published, "replay-of-dead-letter"));
    assertEquals("it-operator", TopicReader.header(published, "replayed-by"));
    assertNull(TopicReader.header(published, "dead-letter-reason"), "dead-letter headers dropped");
  }

  @Test
  void aViewerSeesDeadLettersButCannotReplayThem() {
    String key = "dl-viewer-" + UUID.randomUUID();
    stack.publish(key, utf8("not JSON at all {"));
    String id = (String) awaitLetters(key, 1).get(0).get("id");

    List<Map<String, Object>> seen = page(viewer(), Map.of("clientId", key)).getList("deadLetters");
    assertEquals("NOT_JSON", seen.get(0).get("reasonCode"));
    viewer()
        .post(LETTERS + "/" + id + "/replay")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    stack.anonymous().get(LETTERS).then().statusCode(401);
    assertEquals(
        List.of(), page(viewer(), Map.of("clientId", key)).getList("deadLetters[0].replays"));
  }

  @Test
  void anUpdateRefusedBeforeTheClientWasOnboardedIsReplayedAsItWasOnceItIs() {
    Events.Event onboarding = Events.newClient("dl-early");
    Events.Event update = Events.newClient("dl-early-renamed");
    update.json().put("clientId", onboarding.clientId()).put("type", "ClientUpdated");
    stack.publish(update);
    Map<String, Object> letter = awaitLetters(onboarding.clientId(), 1).get(0);
    assertEquals("NOT_ONBOARDED", letter.get("reasonCode"));

    stack.publish(onboarding);
    api.awaitStatus(onboarding.clientId(), "COMPLETED");
    JsonPath replay =
        stack
            .request()
            .post(LETTERS + "/" + letter.get("id") + "/replay")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();
    assertFalse(replay.getBoolean("corrected"));
    assertEquals(update.eventId(), replay.getString("eventId"));

    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                api.sagasOf(onboarding.clientId()).stream()
                    .anyMatch(
                        s ->
                            "ClientUpdated".equals(s.get("type"))
                                && "COMPLETED".equals(s.get("status"))));
    assertEquals(
        1, ninjaOne.organizationsNamed(update.organizationName()).size(), "renamed by the update");
  }

  @Test
  void pagesComeNewestFirstAndFiltersChooseByClientAndReason() {
    String key = "dl-pages-" + UUID.randomUUID();
    for (int i = 1; i <= 3; i++) {
      stack.publish(key, utf8("garbage #" + i + " {"));
    }
    for (int i = 4; i <= 5; i++) {
      Events.Event noName = Events.newClient("dl-pages-" + i);
      noName.json().put("clientId", key);
      noName.organization().remove("name");
      stack.publish(key, noName.bytes());
    }
    List<Map<String, Object>> all = awaitLetters(key, 5);
    assertEquals("INVALID_REQUEST", all.get(0).get("reasonCode"), "the newest first");
    assertTrue(((String) all.get(2).get("preview")).contains("garbage #3"), all.toString());

    JsonPath first = page(stack.request(), Map.of("clientId", key, "pageSize", 2));
    JsonPath second =
        page(
            stack.request(),
            Map.of("clientId", key, "pageSize", 2, "after", first.getString("pageInfo.endCursor")));
    JsonPath third =
        page(
            stack.request(),
            Map.of(
                "clientId", key, "pageSize", 2, "after", second.getString("pageInfo.endCursor")));
    List<Object> paged = new java.util.ArrayList<>();
    for (JsonPath p : List.of(first, second, third)) {
      paged.addAll(p.getList("deadLetters.id"));
    }
    assertEquals(all.stream().map(l -> l.get("id")).toList(), paged);
    assertTrue(first.getBoolean("pageInfo.hasNextPage"));
    assertTrue(second.getBoolean("pageInfo.hasNextPage"));
    assertFalse(third.getBoolean("pageInfo.hasNextPage"));
    assertNull(third.getString("pageInfo.endCursor"));

    assertEquals(
        3,
        page(stack.request(), Map.of("clientId", key, "reason", "NOT_JSON"))
            .getList("deadLetters")
            .size());
    assertEquals(
        2,
        page(stack.request(), Map.of("clientId", key, "reason", "invalid_request"))
            .getList("deadLetters")
            .size());
    assertEquals(
        3,
        page(stack.request(), Map.of("clientId", key, "reason", "Not a valid onboarding"))
            .getList("deadLetters")
            .size(),
        "the start of the reason's text");
  }

  @Test
  void aSecondInstanceListsTheSameLettersAndItsReplaysShowOnTheFirst() {
    Path work = Path.of(System.getProperty("it.work.dir", "target/it")).resolve("dl-second");
    ServiceProcess second = ServiceProcess.start("dl-second", work, stack.serviceEnv());
    try {
      second.awaitReady(Duration.ofSeconds(90));
      RequestSpecification onSecond =
          stack
              .anonymous()
              .baseUri(second.baseUrl())
              .auth()
              .oauth2(stack.jwt.token("olga", TestJwt.OPERATOR));
      // keys on every partition: the two instances share them, so each writes some of the letters
      String prefix = "dl-two-" + UUID.randomUUID() + "-";
      for (int i = 0; i < 6; i++) {
        stack.publish(prefix + i, utf8("garbage " + i));
      }
      for (int i = 0; i < 6; i++) {
        awaitLetters(prefix + i, 1);
      }
      Events.Event event = Events.newClient("dl-two");
      String name = event.organizationName();
      event.organization().remove("name");
      stack.publish(event);
      String id = (String) awaitLetters(event.clientId(), 1).get(0).get("id");

      assertEquals(
          page(stack.request(), Map.of("pageSize", 200)).getList("deadLetters.id"),
          page(onSecond, Map.of("pageSize", 200)).getList("deadLetters.id"),
          "both instances list the same letters, in the same order");
      event.organization().put("name", name);
      onSecond
          .contentType("application/json")
          .body(event.bytes())
          .post(LETTERS + "/" + id + "/replay")
          .then()
          .statusCode(202);
      assertEquals(
          List.of("olga"),
          page(stack.request(), Map.of("clientId", event.clientId()))
              .getList("deadLetters[0].replays.replayedBy"),
          "the replay recorded through the second shows on the first");
      api.awaitStatus(event.clientId(), "COMPLETED");
    } finally {
      second.stop();
    }
  }

  @Test
  void badParametersAndUnknownLettersAreProblems() {
    stack
        .request()
        .queryParam("pageSize", 0)
        .get(LETTERS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("parameter", equalTo("pageSize"));
    stack
        .request()
        .queryParam("after", "nonsense")
        .get(LETTERS)
        .then()
        .statusCode(400)
        .body("parameter", equalTo("after"));
    stack.request().get(LETTERS + "/not-an-id").then().statusCode(404);
    stack.request().get(LETTERS + "/99-0").then().statusCode(404);
    stack
        .request()
        .post(LETTERS + "/0-999999999/replay")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
