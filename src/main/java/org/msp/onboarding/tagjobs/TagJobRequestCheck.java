package org.msp.onboarding.tagjobs;

import java.util.ArrayList;
import java.util.List;
import org.msp.onboarding.web.ProblemException;

/** Validates a tag job request; a bad one is a 400 naming the field, before anything is stored. */
public final class TagJobRequestCheck {
  static final int MAX_TAGS = 50;
  static final int MAX_TAG_LENGTH = 100;
  static final int MAX_IDS = 10_000;

  private TagJobRequestCheck() {}

  /** The request with tags trimmed; throws a 400 problem. */
  public static TagJobRequest valid(TagJobRequest request) {
    if (request == null) {
      throw ProblemException.badParameter("body", "the body must be {filter, addTags, removeTags}");
    }
    TagFilter filter = request.filter();
    if (filter == null || filter.isEmpty()) {
      // Never "every organization" by accident: an empty filter would tag the whole tenant.
      throw ProblemException.badParameter(
          "filter", "filter must name a namePrefix, a tag or organizationIds");
    }
    checkFilter(filter);
    List<String> add = tags("addTags", request.addOrEmpty());
    List<String> remove = tags("removeTags", request.removeOrEmpty());
    if (add.isEmpty() && remove.isEmpty()) {
      throw ProblemException.badParameter(
          "addTags", "give at least one tag in addTags or removeTags");
    }
    for (String tag : add) {
      if (remove.contains(tag)) {
        throw ProblemException.badParameter(
            "removeTags", "tag " + tag + " is both added and removed");
      }
    }
    return new TagJobRequest(filter, add, remove);
  }

  private static void checkFilter(TagFilter filter) {
    text("filter.namePrefix", filter.namePrefix(), 128);
    text("filter.tag", filter.tag(), MAX_TAG_LENGTH);
    List<Long> ids = filter.organizationIds();
    if (ids != null
        && (ids.size() > MAX_IDS || ids.stream().anyMatch(id -> id == null || id <= 0))) {
      throw ProblemException.badParameter(
          "filter.organizationIds", "organizationIds must be at most " + MAX_IDS + " positive ids");
    }
  }

  private static List<String> tags(String field, List<String> tags) {
    if (tags.size() > MAX_TAGS) {
      throw ProblemException.badParameter(field, field + " may hold at most " + MAX_TAGS + " tags");
    }
    List<String> trimmed = new ArrayList<>();
    for (String tag : tags) {
      String t = text(field, tag, MAX_TAG_LENGTH);
      if (t == null || t.isEmpty()) {
        throw ProblemException.badParameter(field, field + " must not hold empty tags");
      }
      if (!trimmed.contains(t)) {
        trimmed.add(t);
      }
    }
    return trimmed;
  }

  private static String text(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    String t = value.strip();
    if (t.length() > max || t.chars().anyMatch(Character::isISOControl)) {
      throw ProblemException.badParameter(
          field, field + " must be at most " + max + " characters, no control characters");
    }
    return t;
  }
}
