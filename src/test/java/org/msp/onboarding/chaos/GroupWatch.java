package org.msp.onboarding.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;

/**
 * Samples the service's consumer group every two seconds and keeps each distinct assignment, so the
 * report can show that the instances shared the partitions and that the group rebalanced around
 * each kill.
 */
final class GroupWatch implements AutoCloseable {
  static final String GROUP = "ninjaone-onboarding";

  /**
   * An assignment seen: members (by the end of their id) and the partitions each held.
   *
   * @param sharing members of a Stable group that all hold at least one partition, else 0
   */
  record Layout(long atMillis, String summary, int sharing) {}

  private final Admin admin;
  private final long epochNanos;
  private final List<Layout> layouts = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  GroupWatch(String bootstrapServers, long epochNanos) {
    this.epochNanos = epochNanos;
    admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "chaos-group-watch",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
    thread = new Thread(this::run, "chaos-group-watch");
    thread.setDaemon(true);
    thread.start();
  }

  synchronized List<Layout> layouts() {
    return List.copyOf(layouts);
  }

  /**
   * The most members that shared the partitions in a settled group. Right after a kill the group
   * can list more members than processes (the dead one until its session times out), so raw member
   * counts prove nothing.
   */
  synchronized int maxSharing() {
    return layouts.stream().mapToInt(Layout::sharing).max().orElse(0);
  }

  private void run() {
    while (running) {
      try {
        sample();
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // The broker is being restarted: the next sample will see the group again.
      }
    }
  }

  private void sample() throws Exception {
    ConsumerGroupDescription group =
        admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS).get(GROUP);
    if (group == null) {
      return;
    }
    Map<String, String> byMember = new TreeMap<>();
    for (MemberDescription member : group.members()) {
      String partitions =
          member.assignment().topicPartitions().stream()
              .map(tp -> Integer.toString(tp.partition()))
              .sorted()
              .collect(Collectors.joining(","));
      byMember.put(
          member.consumerId().substring(Math.max(0, member.consumerId().length() - 6)), partitions);
    }
    String summary =
        group.groupState()
            + " "
            + byMember.size()
            + " member(s) "
            + byMember.entrySet().stream()
                .map(e -> "…" + e.getKey() + "=[" + e.getValue() + "]")
                .collect(Collectors.joining(" "));
    synchronized (this) {
      if (layouts.isEmpty() || !layouts.get(layouts.size() - 1).summary().equals(summary)) {
        boolean stable = group.groupState() == GroupState.STABLE;
        int sharing =
            stable && byMember.values().stream().noneMatch(String::isEmpty) ? byMember.size() : 0;
        layouts.add(new Layout((System.nanoTime() - epochNanos) / 1_000_000, summary, sharing));
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    admin.close(java.time.Duration.ofSeconds(5));
  }
}
