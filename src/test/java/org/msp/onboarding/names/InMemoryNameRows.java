package org.msp.onboarding.names;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.msp.onboarding.saga.OrganizationNames.Holder;

/** The name index's rows in memory, with the same rules as the PostgreSQL table (V7). */
class InMemoryNameRows implements NameRows {
  private record Stored(Row row, long seenInScan) {}

  private final TreeMap<Long, Stored> rows = new TreeMap<>();
  private long refreshedThrough;
  private long scanNumber;
  private boolean filled;
  boolean scanDue;

  @Override
  public synchronized boolean filled() {
    return filled;
  }

  @Override
  public synchronized long refreshedThrough() {
    return refreshedThrough;
  }

  /** Pages stored from the listing (each a transaction in PostgreSQL). */
  int pagesStored;

  @Override
  public synchronized void storePage(List<Row> page, long lastId) {
    pagesStored++;
    page.forEach(this::store);
    refreshedThrough = Math.max(refreshedThrough, lastId);
  }

  /** What {@link NamedOrganizations} writes in the step's commit. */
  public synchronized void store(Row row) {
    Stored before = rows.get(row.organizationId());
    rows.put(
        row.organizationId(),
        new Stored(row, Math.max(scanNumber, before == null ? 0 : before.seenInScan())));
  }

  @Override
  public synchronized List<Holder> holdersOf(String nameKey) {
    List<Holder> holders = new ArrayList<>();
    rows.values().stream()
        .filter(s -> s.row().nameKey().equals(nameKey))
        .forEach(s -> holders.add(new Holder(s.row().organizationId(), s.row().sagaMarker())));
    return holders;
  }

  @Override
  public synchronized Optional<Long> markedBy(String sagaMarker) {
    return rows.values().stream()
        .filter(s -> sagaMarker.equals(s.row().sagaMarker()))
        .map(s -> s.row().organizationId())
        .findFirst();
  }

  @Override
  public synchronized long beginFullScan() {
    return ++scanNumber;
  }

  @Override
  public synchronized OptionalLong claimDueFullScan(Duration interval) {
    return scanDue ? OptionalLong.of(++scanNumber) : OptionalLong.empty();
  }

  @Override
  public synchronized void finishFullScan(long number, long lastId) {
    rows.values().removeIf(s -> s.seenInScan() < number && s.row().organizationId() <= lastId);
    refreshedThrough = Math.max(refreshedThrough, lastId);
    filled = true;
    scanDue = false;
  }
}
