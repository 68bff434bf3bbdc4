package org.msp.onboarding.tagjobs;

import java.util.ArrayList;
import java.util.List;

/**
 * NinjaOne's PATCH replaces the whole tag list, so a change is computed from the tags read just
 * before: the ones to remove are dropped, the ones to add appended, everything else kept in its
 * order. Running it again on its own result changes nothing, which makes a retried organization
 * safe.
 */
final class TagChange {
  private TagChange() {}

  static List<String> desired(List<String> current, List<String> add, List<String> remove) {
    List<String> result = new ArrayList<>();
    for (String tag : current) {
      if (!remove.contains(tag) && !result.contains(tag)) {
        result.add(tag);
      }
    }
    for (String tag : add) {
      if (!result.contains(tag)) {
        result.add(tag);
      }
    }
    return result;
  }

  /**
   * What verification checks: every added tag is there and no removed one is (other tags may change
   * freely).
   */
  static boolean satisfied(List<String> tags, List<String> add, List<String> remove) {
    return tags.containsAll(add) && remove.stream().noneMatch(tags::contains);
  }
}
