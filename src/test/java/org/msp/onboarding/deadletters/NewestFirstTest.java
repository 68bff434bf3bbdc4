package org.msp.onboarding.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Paging a topic newest first across partitions, with a topic held in memory. */
class NewestFirstTest {
  private static final DeadLetterFilter ALL = new DeadLetterFilter(null, null);

  /** partition -> letters in offset order; a letter's timestamp is its second of the test. */
  private final Map<Integer, List<DeadLetter>> topic = new TreeMap<>();

  private int reads;

  private void add(int partition, int second, String key, String reason) {
    List<DeadLetter> letters = topic.computeIfAbsent(partition, p -> new ArrayList<>());
    letters.add(
        new DeadLetter(
            new DeadLetterId(partition, letters.size()),
            Instant.ofEpochSecond(second),
            key,
            reason,
            reason,
            new DeadLetter.Origin("t", 0, 0L),
            null,
            null,
            "",
            0,
            null));
  }

  private List<DeadLetter> read(int partition, long from, long to) {
    reads++;
    return topic.get(partition).subList((int) from, (int) to);
  }

  private Map<Integer, Long> ends() {
    Map<Integer, Long> ends = new TreeMap<>();
    topic.forEach((p, letters) -> ends.put(p, (long) letters.size()));
    return ends;
  }

  private NewestFirst.Page page(Map<Integer, Long> bounds, DeadLetterFilter filter, int size) {
    return NewestFirst.page(this::read, bounds, Map.of(), filter, size, 1_000);
  }

  private static List<String> ids(NewestFirst.Page page) {
    return page.letters().stream().map(l -> l.id().toString()).toList();
  }

  @Test
  void lettersOfAllPartitionsComeNewestFirstAndThePagesFollowOnWithoutGapOrRepeat() {
    add(0, 1, "a", "X");
    add(1, 2, "b", "X");
    add(0, 3, "c", "X");
    add(2, 4, "d", "X");
    add(1, 5, "e", "X");

    NewestFirst.Page first = page(ends(), ALL, 2);
    assertEquals(List.of("1-1", "2-0"), ids(first));
    assertTrue(first.hasMore());
    NewestFirst.Page second = page(first.next(), ALL, 2);
    assertEquals(List.of("0-1", "1-0"), ids(second));
    NewestFirst.Page third = page(second.next(), ALL, 2);
    assertEquals(List.of("0-0"), ids(third));
    assertFalse(third.hasMore());
  }

  @Test
  void aLetterArrivingBetweenPagesDoesNotShiftTheNextPage() {
    add(0, 1, "a", "X");
    add(0, 2, "b", "X");
    add(0, 3, "c", "X");
    NewestFirst.Page first = page(ends(), ALL, 2);
    add(0, 4, "late", "X");

    assertEquals(List.of("0-0"), ids(page(first.next(), ALL, 2)));
  }

  @Test
  void aFilterSkipsOtherLettersAndSaysThereIsMoreOnlyWhenAnotherMatchExists() {
    add(0, 1, "mine", "A");
    add(0, 2, "other", "A");
    add(1, 3, "mine", "B");
    add(1, 4, "mine", "A");
    add(0, 5, "other", "A");

    NewestFirst.Page first = page(ends(), new DeadLetterFilter("mine", null), 1);
    assertEquals(List.of("1-1"), ids(first));
    assertTrue(first.hasMore());
    NewestFirst.Page byReason = page(ends(), new DeadLetterFilter("mine", "a"), 2);
    assertEquals(List.of("1-1", "0-0"), ids(byReason));
    assertFalse(byReason.hasMore(), "no third letter of that client and reason");
    NewestFirst.Page none = page(ends(), new DeadLetterFilter("nobody", null), 2);
    assertEquals(List.of(), ids(none));
    assertFalse(none.hasMore());
  }

  @Test
  void aPageStopsAfterTheScanLimitWithACursorToGoOn() {
    for (int i = 0; i < 10; i++) {
      add(0, i, i == 0 ? "rare" : "common", "X");
    }
    DeadLetterFilter rare = new DeadLetterFilter("rare", null);

    NewestFirst.Page cut = NewestFirst.page(this::read, ends(), Map.of(), rare, 5, 4);
    assertEquals(List.of(), ids(cut));
    assertTrue(cut.hasMore(), "more may match beyond what was looked at");
    NewestFirst.Page rest = NewestFirst.page(this::read, cut.next(), Map.of(), rare, 5, 100);
    assertEquals(List.of("0-0"), ids(rest));
  }

  @Test
  void aPartitionIsReadInChunksFromItsEndAndNotBeyondWhatThePageNeeds() {
    for (int i = 0; i < 3 * NewestFirst.CHUNK; i++) {
      add(0, i, "k", "X");
    }
    NewestFirst.Page page = page(ends(), ALL, 10);
    assertEquals("0-" + (3 * NewestFirst.CHUNK - 1), ids(page).get(0));
    assertEquals(1, reads, "one chunk holds a page of 10");
  }

  @Test
  void lettersBelowThePartitionsStartAreNotRead() {
    add(0, 1, "gone", "X");
    add(0, 2, "kept", "X");
    NewestFirst.Page page = NewestFirst.page(this::read, ends(), Map.of(0, 1L), ALL, 10, 100);
    assertEquals(List.of("0-1"), ids(page));
    assertFalse(page.hasMore());
  }
}
