package org.msp.onboarding.ninjaone;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.msp.onboarding.saga.RemoteCallException;

/**
 * A 2xx whose body the caller does not read (the policies PUT's device ids) is success, unless it
 * is a throttle.
 */
class AnswerAnyBodyTest {

  @Test
  void deviceIdsInAnyMediaTypeAreSuccess() {
    assertDoesNotThrow(
        () ->
            new Answer("PUT", 200, "text/plain", "[12, 13]", null)
                .throwUnlessSuccessful(Answer.Body.ANY));
    assertDoesNotThrow(
        () -> new Answer("PUT", 204, null, "", null).throwUnlessSuccessful(Answer.Body.ANY));
  }

  @Test
  void aThrottlesHtmlPageAnswered200IsTransientNotSuccess() {
    RemoteCallException e =
        assertThrows(
            RemoteCallException.class,
            () ->
                new Answer(
                        "PUT", 200, "text/html", "<!DOCTYPE html><html>rate limited</html>", null)
                    .throwUnlessSuccessful(Answer.Body.ANY));
    assertEquals(RemoteCallException.Kind.TRANSIENT, e.kind());
    assertThrows(
        RemoteCallException.class,
        () ->
            new Answer("PUT", 200, null, "  <html>slow down</html>", null)
                .throwUnlessSuccessful(Answer.Body.ANY));
  }
}
