package org.msp.onboarding.deadletters;

import java.util.Locale;

/**
 * The list's filters. {@code clientId} is the record key (what the publisher gave as the client).
 * {@code reason} matches the reason code (NOT_ONBOARDED, INVALID_REQUEST, ...) or, failing that,
 * the start of the reason's text, both ignoring case.
 */
public record DeadLetterFilter(String clientId, String reason) {

  public boolean matches(DeadLetter letter) {
    if (clientId != null && !clientId.equals(letter.key())) {
      return false;
    }
    if (reason == null) {
      return true;
    }
    return reason.equalsIgnoreCase(letter.reasonCode())
        || (letter.reason() != null
            && letter
                .reason()
                .toLowerCase(Locale.ROOT)
                .startsWith(reason.toLowerCase(Locale.ROOT)));
  }
}
