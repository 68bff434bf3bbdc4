package org.msp.onboarding.deadletters;

import org.msp.onboarding.web.ProblemException;

/**
 * Where a dead letter is in the dead-letter topic; written "partition-offset" (e.g. "2-117"). Every
 * instance reads the same topic, so an id means the same letter on each.
 */
public record DeadLetterId(int partition, long offset) {

  public static DeadLetterId parse(String text) {
    String[] parts = text == null ? new String[0] : text.split("-", -1);
    try {
      if (parts.length == 2) {
        int partition = Integer.parseInt(parts[0]);
        long offset = Long.parseLong(parts[1]);
        if (partition >= 0 && offset >= 0) {
          return new DeadLetterId(partition, offset);
        }
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.notFound(
        "no dead letter with id " + text + " (dead-letter ids are partition-offset, e.g. 0-17)");
  }

  @Override
  public String toString() {
    return partition + "-" + offset;
  }
}
