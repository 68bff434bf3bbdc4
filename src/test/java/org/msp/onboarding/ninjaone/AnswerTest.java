package org.msp.onboarding.ninjaone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.ninjaone.dto.OrganizationBody;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.saga.RemoteCallException.Kind;

class AnswerTest {
  private static Answer answer(int status, String type, String body, String retryAfter) {
    return new Answer("POST /v2/organizations", status, type, body, retryAfter);
  }

  private static RemoteCallException failureOf(Answer answer) {
    return assertThrows(
        RemoteCallException.class, () -> answer.throwUnlessSuccessful(Answer.Body.JSON));
  }

  @Test
  void throttlingAndServerErrorsAreTransient() {
    for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
      assertEquals(
          Kind.TRANSIENT,
          failureOf(answer(status, "application/json", "{}", null)).kind(),
          "" + status);
    }
  }

  @Test
  void conflictIsItsOwnKind() {
    assertEquals(
        Kind.CONFLICT,
        failureOf(answer(409, "application/json", "{\"resultCode\":\"CONFLICT\"}", null)).kind());
  }

  @Test
  void refusalsArePermanent() {
    for (int status : new int[] {400, 403, 404, 422}) {
      assertEquals(
          Kind.PERMANENT,
          failureOf(answer(status, "application/json", "{}", null)).kind(),
          "" + status);
    }
  }

  @Test
  void htmlThrottlePageIsTransientEvenWithStatus200() {
    assertEquals(
        Kind.TRANSIENT, failureOf(answer(200, "text/html", "<html>slow down</html>", null)).kind());
    assertEquals(
        Kind.TRANSIENT,
        failureOf(answer(400, "text/html", "<html>rate limited</html>", null)).kind());
  }

  @Test
  void anyTwoHundredIsSuccessWhereTheDocumentPinsNoMediaType() {
    // PUT /v2/organization/{id}/policies answers the affected device ids with a media type it does
    // not pin
    answer(200, "text/plain", "[101, 102]", null).throwUnlessSuccessful(Answer.Body.ANY);
    answer(200, "*/*", "[]", null).throwUnlessSuccessful(Answer.Body.ANY);
    answer(204, null, "", null).throwUnlessSuccessful(Answer.Body.ANY);
    assertEquals(
        Kind.TRANSIENT,
        assertThrows(
                RemoteCallException.class,
                () ->
                    answer(503, "text/plain", "busy", null).throwUnlessSuccessful(Answer.Body.ANY))
            .kind());
  }

  @Test
  void retryAfterSecondsAndHttpDateAreHonoured() {
    assertEquals(
        Duration.ofSeconds(7), failureOf(answer(429, "application/json", "{}", "7")).retryAfter());
    assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT"));
    assertEquals(null, RetryAfter.parse("soon"));
  }

  @Test
  void errorBodyIsKeptTrimmedOnOneLine() {
    String body = "{\"errorMessage\":\"" + "x".repeat(2000) + "\"}";
    RemoteCallException e = failureOf(answer(400, "application/json", body, null));
    assertTrue(e.getMessage().startsWith("POST /v2/organizations HTTP 400: {\"errorMessage\""));
    assertTrue(e.getMessage().length() < 600);
  }

  @Test
  void pagingFailsLoudlyWhenTheCursorDoesNotAdvance() {
    List<OrganizationBody> page = List.of(new OrganizationBody(5L, "a", null, null, null, null));
    assertEquals(5L, OrganizationPaging.nextCursor(null, page));
    RemoteCallException e =
        assertThrows(RemoteCallException.class, () -> OrganizationPaging.nextCursor(5L, page));
    assertEquals(Kind.PERMANENT, e.kind());
  }
}
