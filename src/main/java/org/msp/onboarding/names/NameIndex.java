package org.msp.onboarding.names;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.msp.onboarding.ninjaone.NinjaOneClient;
import org.msp.onboarding.ninjaone.OrganizationPaging;
import org.msp.onboarding.ninjaone.dto.OrganizationBody;
import org.msp.onboarding.saga.OrganizationNames;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.saga.StepContext;

/**
 * The tenant's organizations by name, kept in PostgreSQL. Organization ids only grow, so a refresh
 * reads the listing after the highest id it has read: usually one call, shared by every name check
 * waiting at that moment. Renames and deletions made in NinjaOne's UI are seen by the periodic full
 * scan only ({@link NamesConfig}).
 */
@ApplicationScoped
public class NameIndex implements OrganizationNames {
  private static final Logger LOG = Logger.getLogger(NameIndex.class);
  private static final String LIST = "GET /v2/organizations";

  /**
   * How long an organization this instance created waits for its step's commit to store it before a
   * refresh that lists it stores it itself.
   */
  static final Duration HOLD = Duration.ofSeconds(10);

  private final ListingPages listing;
  private final NameRows rows;
  private final RefreshCoalescer refreshes = new RefreshCoalescer(this::refresh);
  private volatile boolean filled;
  private volatile long readThrough;

  /**
   * Rows known to be stored exactly so that the listing has not yet read past: this instance's own
   * commits, and pages a refresh stored beyond a held organization (below). A listed organization
   * that matches one of them is not stored again. At full speed most pages hold only such
   * organizations, and then a refresh costs no transaction at all.
   */
  private final Map<Long, NameRows.Row> committed = new ConcurrentHashMap<>();

  /**
   * Organizations this instance created whose step has not committed yet. A refresh that lists one
   * within {@link #HOLD} leaves it to that commit, and reads from just below it again next time
   * (nor does the stored cursor pass it, for a restart); name checks answer it from here meanwhile.
   * Without this, a refresh running while the step commits stored the same row a second time, in a
   * transaction of its own.
   */
  private final Map<Long, Created> created = new ConcurrentHashMap<>();

  private record Created(NameRows.Row row, long atNanos) {}

  private final LongSupplier clock;

  @Inject
  NameIndex(NinjaOneClient ninjaOne, PgNameRows rows) {
    this(
        new ListingPages() {
          @Override
          public List<OrganizationBody> after(Long after) {
            return ninjaOne.organizationsAfter(after);
          }

          @Override
          public int pageSize() {
            return ninjaOne.organizationPageSize();
          }
        },
        rows);
  }

  NameIndex(ListingPages listing, NameRows rows) {
    this(listing, rows, System::nanoTime);
  }

  NameIndex(ListingPages listing, NameRows rows, LongSupplier clock) {
    this.listing = listing;
    this.rows = rows;
    this.clock = clock;
  }

  @Override
  public void created(long organizationId, String name, String sagaMarker) {
    if (organizationId > readThrough) {
      created.put(
          organizationId,
          new Created(new NameRows.Row(organizationId, key(name), sagaMarker), clock.getAsLong()));
    }
  }

  /** An organization this instance named is in the index: its commit succeeded. */
  void committed(long organizationId, String name, String sagaMarker) {
    if (organizationId > readThrough) {
      committed.put(organizationId, new NameRows.Row(organizationId, key(name), sagaMarker));
    }
    created.remove(organizationId);
  }

  @Override
  public List<Holder> holdersOf(String name) {
    refreshes.awaitFreshRefresh();
    String key = key(name);
    // taken before the query: one that commits in between is in one or the other
    List<Created> notCommitted = List.copyOf(created.values());
    List<Holder> holders = new ArrayList<>(stored(() -> rows.holdersOf(key)));
    for (Created c : notCommitted) {
      long id = c.row().organizationId();
      if (c.row().nameKey().equals(key)
          && holders.stream().noneMatch(h -> h.organizationId() == id)) {
        holders.add(new Holder(id, c.row().sagaMarker()));
      }
    }
    holders.sort(Comparator.comparingLong(Holder::organizationId));
    return holders;
  }

  @Override
  public Optional<Long> markedBy(String sagaMarker) {
    refreshes.awaitFreshRefresh();
    List<Created> notCommitted = List.copyOf(created.values());
    Optional<Long> stored = stored(() -> rows.markedBy(sagaMarker));
    if (stored.isPresent()) {
      return stored;
    }
    return notCommitted.stream()
        .map(Created::row)
        .filter(row -> sagaMarker.equals(row.sagaMarker()))
        .map(NameRows.Row::organizationId)
        .min(Long::compare);
  }

  /**
   * Called on a schedule by every instance; the one that claims a due scan reads the whole tenant.
   */
  public void fullScanIfDue(Duration interval) {
    OptionalLong claimed = rows.claimDueFullScan(interval);
    if (claimed.isPresent()) {
      fullScan(claimed.getAsLong());
    }
  }

  private void refresh() {
    if (!filled) {
      filled = stored(rows::filled);
    }
    if (!filled) {
      fullScan(stored(rows::beginFullScan));
      filled = true;
      return;
    }
    // what this instance read last: a PostgreSQL round trip less per refresh (what another
    // instance read since is read again, harmlessly)
    long after = readThrough > 0 ? readThrough : stored(rows::refreshedThrough);
    readThrough = Math.max(readThrough, readFrom(after == 0 ? null : after, true));
    committed.keySet().removeIf(id -> id <= readThrough);
    // read through without being held: stored, or committed by its step
    created.keySet().removeIf(id -> id <= readThrough);
  }

  private void fullScan(long number) {
    long lastId = readFrom(null, false);
    stored(
        () -> {
          rows.finishFullScan(number, lastId);
          return null;
        });
    LOG.infof("name index: full scan %d read the tenant through organization %d", number, lastId);
  }

  /**
   * Reads the listing after {@code after} to its end, storing each page; answers how far it read
   * with nothing left behind. With {@code skipCommitted}, rows exactly as they are stored are left
   * out, and a page of nothing else is not stored (its cursor stays in memory; a restart reads it
   * again); so are organizations held for their step's commit, and neither the answer nor the
   * stored cursor passes the first of them.
   */
  private long readFrom(Long after, boolean skipCommitted) {
    long lastId = after == null ? 0 : after;
    long held = Long.MAX_VALUE;
    while (true) {
      List<OrganizationBody> page = listing.after(after);
      if (!page.isEmpty()) {
        lastId = page.get(page.size() - 1).id();
        List<NameRows.Row> fresh = toRows(page);
        if (skipCommitted) {
          fresh.removeIf(row -> row.equals(committed.get(row.organizationId())));
          for (Iterator<NameRows.Row> it = fresh.iterator(); it.hasNext(); ) {
            NameRows.Row row = it.next();
            if (heldForItsCommit(row)) {
              held = Math.min(held, row.organizationId());
              it.remove();
            }
          }
        }
        long through = Math.min(lastId, held - 1);
        if (!fresh.isEmpty()) {
          stored(
              () -> {
                rows.storePage(fresh, through);
                return null;
              });
          if (through < lastId) { // read again next time: stored now, not again then
            fresh.forEach(row -> committed.put(row.organizationId(), row));
          }
        }
      }
      if (page.size() < listing.pageSize()) {
        return Math.min(lastId, held - 1);
      }
      after = OrganizationPaging.nextCursor(LIST, after, lastId);
    }
  }

  private boolean heldForItsCommit(NameRows.Row row) {
    Created c = created.get(row.organizationId());
    return c != null && c.row().equals(row) && clock.getAsLong() - c.atNanos() < HOLD.toNanos();
  }

  private static List<NameRows.Row> toRows(List<OrganizationBody> page) {
    List<NameRows.Row> list = new ArrayList<>(page.size());
    for (OrganizationBody org : page) {
      if (org.id() != null && org.name() != null) {
        list.add(new NameRows.Row(org.id(), key(org.name()), marker(org.userData())));
      }
    }
    return list;
  }

  private static String marker(Map<String, Object> userData) {
    Object marker = userData == null ? null : userData.get(StepContext.MARKER);
    return marker == null ? null : marker.toString();
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * A database failure is retried like a transient NinjaOne one: the saga waits, nothing is decided
   * on it.
   */
  private static <T> T stored(Supplier<T> access) {
    try {
      return access.get();
    } catch (IllegalStateException e) {
      throw new RemoteCallException(
          RemoteCallException.Kind.TRANSIENT, 0, "name index: " + e.getMessage(), null);
    }
  }
}
