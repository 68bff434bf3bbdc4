package org.msp.onboarding.deadletters;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.msp.onboarding.web.ProblemException;

/** The opaque paging cursor of the dead-letter list: per partition, where the next page starts. */
final class TopicCursor {
  private static final String PREFIX = "dlq:";

  private TopicCursor() {}

  static String encode(Map<Integer, Long> bounds) {
    String text =
        bounds.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + text).getBytes(StandardCharsets.UTF_8));
  }

  static Map<Integer, Long> decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith(PREFIX)) {
        throw new IllegalArgumentException();
      }
      Map<Integer, Long> bounds = new LinkedHashMap<>();
      for (String part : text.substring(PREFIX.length()).split(",")) {
        String[] pair = part.split("=", -1);
        int partition = Integer.parseInt(pair[0]);
        long bound = Long.parseLong(pair[1]);
        if (pair.length != 2 || partition < 0 || bound < 0) {
          throw new IllegalArgumentException();
        }
        bounds.put(partition, bound);
      }
      return bounds;
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw ProblemException.badParameter(
          "after", "after must be an endCursor from a previous page");
    }
  }
}
