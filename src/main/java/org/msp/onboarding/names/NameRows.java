package org.msp.onboarding.names;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.msp.onboarding.saga.OrganizationNames.Holder;

/** Where the name index is kept (PostgreSQL, shared by all instances; in memory in unit tests). */
interface NameRows {

  /** An organization as the index keeps it: lower-cased name and saga marker. */
  record Row(long organizationId, String nameKey, String sagaMarker) {}

  /** Whether a full scan has ever completed (before that, the index knows nothing). */
  boolean filled();

  /** The highest organization id read from NinjaOne's listing: the next refresh reads after it. */
  long refreshedThrough();

  /**
   * Stores a page read from the listing and moves {@link #refreshedThrough} up to its last id,
   * together.
   */
  void storePage(List<Row> page, long lastId);

  List<Holder> holdersOf(String nameKey);

  Optional<Long> markedBy(String sagaMarker);

  /** Starts a full scan now, whoever else scans; answers its number. */
  long beginFullScan();

  /**
   * Starts a full scan when the last one is older than {@code interval} and no instance is
   * scanning.
   */
  OptionalLong claimDueFullScan(java.time.Duration interval);

  /**
   * Drops what scan {@code number} did not see up to {@code lastId} (deleted in NinjaOne) and marks
   * it done.
   */
  void finishFullScan(long number, long lastId);
}
