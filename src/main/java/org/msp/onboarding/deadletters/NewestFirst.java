package org.msp.onboarding.deadletters;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages through a topic's partitions newest first. Each partition is read backwards in chunks from
 * its bound, and the partitions are merged by timestamp. A page ends after {@code pageSize}
 * matches; its cursor is, per partition, the offset below which nothing was looked at yet, so
 * letters that arrive meanwhile never shift a later page. A page also ends after {@code scanLimit}
 * letters were looked at, so a filter that matches little costs a bounded read per request; the
 * caller follows the cursor for more.
 */
final class NewestFirst {
  static final int CHUNK = 100;

  /** Reads one partition's letters with offsets in [from, to), oldest first. */
  interface Partitions {
    List<DeadLetter> read(int partition, long from, long to);
  }

  /** A page; {@code next} is the cursor of the page after it (per partition, exclusive bound). */
  record Page(List<DeadLetter> letters, boolean hasMore, Map<Integer, Long> next) {}

  private static final Comparator<Lane> NEWEST =
      Comparator.comparing((Lane lane) -> lane.buffer.peek().deadLetteredAt())
          .thenComparing(lane -> lane.partition);

  private NewestFirst() {}

  static Page page(
      Partitions topic,
      Map<Integer, Long> bounds,
      Map<Integer, Long> begins,
      DeadLetterFilter filter,
      int pageSize,
      int scanLimit) {
    List<Lane> lanes = new ArrayList<>();
    bounds.forEach((p, bound) -> lanes.add(new Lane(p, begins.getOrDefault(p, 0L), bound)));
    List<DeadLetter> found = new ArrayList<>();
    int scanned = 0;
    while (true) {
      Lane newest =
          lanes.stream().filter(lane -> lane.head(topic) != null).max(NEWEST).orElse(null);
      if (newest == null) {
        return new Page(found, false, cursor(lanes));
      }
      DeadLetter head = newest.buffer.peek();
      boolean matches = filter.matches(head);
      if ((found.size() == pageSize && matches) || scanned == scanLimit) {
        return new Page(found, true, cursor(lanes));
      }
      newest.consume();
      scanned++;
      if (matches) {
        found.add(head);
      }
    }
  }

  private static Map<Integer, Long> cursor(List<Lane> lanes) {
    Map<Integer, Long> next = new LinkedHashMap<>();
    lanes.forEach(lane -> next.put(lane.partition, lane.consumedTo));
    return next;
  }

  /** One partition being read backwards. */
  private static final class Lane {
    final int partition;
    final long begin;
    long fetchedTo;
    long consumedTo;
    final Deque<DeadLetter> buffer = new ArrayDeque<>();

    Lane(int partition, long begin, long bound) {
      this.partition = partition;
      this.begin = begin;
      this.fetchedTo = bound;
      this.consumedTo = bound;
    }

    /**
     * The newest letter not yet consumed, reading the chunk before when needed; null at the end.
     */
    DeadLetter head(Partitions topic) {
      while (buffer.isEmpty() && fetchedTo > begin) {
        long from = Math.max(begin, fetchedTo - CHUNK);
        topic.read(partition, from, fetchedTo).forEach(buffer::push); // the newest ends up first
        fetchedTo = from;
      }
      return buffer.peek();
    }

    void consume() {
      consumedTo = buffer.pop().id().offset();
    }
  }
}
