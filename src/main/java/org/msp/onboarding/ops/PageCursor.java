package org.msp.onboarding.ops;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.msp.onboarding.web.ProblemException;

/** Opaque paging cursor: the position (insertion sequence) of the last saga of a page. */
final class PageCursor {
  private static final String PREFIX = "saga:";

  private PageCursor() {}

  static String encode(long seq) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
  }

  static long decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith(PREFIX)) {
        throw new IllegalArgumentException();
      }
      long seq = Long.parseLong(text.substring(PREFIX.length()));
      if (seq <= 0) {
        throw new IllegalArgumentException();
      }
      return seq;
    } catch (IllegalArgumentException e) {
      throw ProblemException.badParameter(
          "after", "after must be an endCursor from a previous page");
    }
  }
}
