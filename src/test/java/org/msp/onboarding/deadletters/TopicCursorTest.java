package org.msp.onboarding.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.web.ProblemException;

class TopicCursorTest {

  @Test
  void aCursorReadsBackAsTheBoundsItWasMadeOf() {
    Map<Integer, Long> bounds = new LinkedHashMap<>();
    bounds.put(0, 17L);
    bounds.put(2, 0L);
    assertEquals(bounds, TopicCursor.decode(TopicCursor.encode(bounds)));
  }

  @Test
  void aForeignOrDamagedCursorIsABadParameterNamingAfter() {
    for (String bad :
        new String[] {
          "not base64 !",
          encoded("saga:12"),
          encoded("dlq:0=x"),
          encoded("dlq:0"),
          encoded("dlq:-1=3"),
          encoded("dlq:0=1=2")
        }) {
      ProblemException e = assertThrows(ProblemException.class, () -> TopicCursor.decode(bad));
      assertEquals("after", e.problem().parameter(), bad);
      assertEquals(400, e.problem().status());
    }
  }

  private static String encoded(String text) {
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
