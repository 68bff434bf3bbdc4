package org.msp.onboarding.messaging;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stable code of a dead-letter reason. Reasons are sentences written for people and may be
 * reworded; the code is what filters, alerts and the API rely on. A reason that starts with its own
 * code ("CLIENT_BUSY: ...") keeps it; the parser's sentences are recognised by their opening words.
 */
public final class DeadLetterReasonCode {
  public static final String NOT_ONBOARDED = "NOT_ONBOARDED";
  public static final String ALREADY_OFFBOARDED = "ALREADY_OFFBOARDED";
  public static final String CLIENT_OFFBOARDED = "CLIENT_OFFBOARDED";
  public static final String CLIENT_HAS_ORGANIZATION = "CLIENT_HAS_ORGANIZATION";

  /** Given by earlier versions (busy clients' requests now wait, a second onboarding updates). */
  public static final String CLIENT_BUSY = "CLIENT_BUSY";

  public static final String ALREADY_ONBOARDED = "ALREADY_ONBOARDED";
  public static final String EMPTY_RECORD = "EMPTY_RECORD";
  public static final String TOO_LARGE = "TOO_LARGE";
  public static final String NOT_JSON = "NOT_JSON";
  public static final String KEY_MISMATCH = "KEY_MISMATCH";
  public static final String UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE";
  public static final String BAD_HEADER = "BAD_HEADER";
  public static final String INVALID_REQUEST = "INVALID_REQUEST";
  public static final String OTHER = "OTHER";

  /** Every code a letter may have, in the order the API documents them; earlier versions' last. */
  public static final List<String> ALL =
      List.of(
          NOT_ONBOARDED,
          ALREADY_OFFBOARDED,
          CLIENT_OFFBOARDED,
          CLIENT_HAS_ORGANIZATION,
          EMPTY_RECORD,
          TOO_LARGE,
          NOT_JSON,
          KEY_MISMATCH,
          UNSUPPORTED_TYPE,
          BAD_HEADER,
          INVALID_REQUEST,
          OTHER,
          CLIENT_BUSY,
          ALREADY_ONBOARDED);

  private static final Pattern LEADING_CODE = Pattern.compile("^([A-Z][A-Z0-9_]{2,60}):");

  /**
   * Opening words of the parser's reasons, lower case, and their code; some only earlier versions
   * gave, whose letters stay in the topic for its retention.
   */
  private static final List<String[]> OPENINGS =
      List.of(
          new String[] {"empty record", EMPTY_RECORD},
          new String[] {"record body is blank", EMPTY_RECORD},
          new String[] {"record body is json null", EMPTY_RECORD},
          new String[] {"record of ", TOO_LARGE},
          new String[] {"record is not valid utf-8", NOT_JSON},
          new String[] {"not a valid onboarding request (json)", NOT_JSON},
          new String[] {"record key must be", KEY_MISMATCH},
          new String[] {"type '", UNSUPPORTED_TYPE},
          new String[] {"unknown type", UNSUPPORTED_TYPE},
          new String[] {"[\"type\"]", UNSUPPORTED_TYPE},
          new String[] {"header ", BAD_HEADER},
          // "invalid onboarding request: ...", "invalid update request (ClientUpdated): ..."
          new String[] {"invalid ", INVALID_REQUEST});

  private DeadLetterReasonCode() {}

  public static String of(String reason) {
    if (reason == null || reason.isBlank()) {
      return OTHER;
    }
    Matcher leading = LEADING_CODE.matcher(reason);
    if (leading.find()) {
      return leading.group(1);
    }
    String lower = reason.toLowerCase(Locale.ROOT);
    for (String[] opening : OPENINGS) {
      if (lower.startsWith(opening[0])) {
        return opening[1];
      }
    }
    return OTHER;
  }
}
