package org.msp.onboarding.tagjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.tagjobs.OrganizationTags.Organization;

class TagChangeTest {

  @Test
  void removesThenAppendsKeepingTheOtherTagsInOrder() {
    assertEquals(
        List.of("a", "c", "new"),
        TagChange.desired(List.of("a", "old", "c"), List.of("new", "a"), List.of("old")));
  }

  @Test
  void applyingTheChangeTwiceChangesNothingMore() {
    List<String> once = TagChange.desired(List.of("x", "old"), List.of("new"), List.of("old"));
    assertEquals(once, TagChange.desired(once, List.of("new"), List.of("old")));
    assertTrue(TagChange.satisfied(once, List.of("new"), List.of("old")));
    assertFalse(TagChange.satisfied(List.of("new", "old"), List.of("new"), List.of("old")));
  }

  @Test
  void filterNeedsEveryCriterionGiven() {
    Organization org = new Organization(7L, "Acme Dental", List.of("premium"));
    assertTrue(new TagFilter("acme", null, null).matches(org));
    assertTrue(new TagFilter("ACME", "premium", List.of(7L, 8L)).matches(org));
    assertFalse(new TagFilter("acme", "gold", null).matches(org));
    assertFalse(new TagFilter(null, null, List.of(8L)).matches(org));
    assertTrue(new TagFilter(" ", null, List.of()).isEmpty());
  }
}
