package org.msp.onboarding.names;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
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

  private final ListingPages listing;
  private final NameRows rows;
  private final RefreshCoalescer refreshes = new RefreshCoalescer(this::refresh);
  private volatile boolean filled;
  private volatile long readThrough;

  /**
   * Rows this instance's own commits put in the index that the listing has not yet read past: a
   * listed organization that matches one of them is not stored again. At full speed most pages hold
   * only such organizations, and then a refresh costs no transaction at all.
   */
  private final Map<Long, NameRows.Row> committed = new ConcurrentHashMap<>();

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
    this.listing = listing;
    this.rows = rows;
  }

  /** An organization this instance named is in the index: its commit succeeded. */
  void committed(long organizationId, String name, String sagaMarker) {
    if (organizationId > readThrough) {
      committed.put(organizationId, new NameRows.Row(organizationId, key(name), sagaMarker));
    }
  }

  @Override
  public List<Holder> holdersOf(String name) {
    refreshes.awaitFreshRefresh();
    return stored(() -> rows.holdersOf(key(name)));
  }

  @Override
  public Optional<Long> markedBy(String sagaMarker) {
    refreshes.awaitFreshRefresh();
    return stored(() -> rows.markedBy(sagaMarker));
  }

  /**
   * Called on a schedule by every instance; the one that claims a due scan reads the whole tenant.
   */
  public void fullScanIfDue(java.time.Duration interval) {
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
   * Reads the listing after {@code after} to its end, storing each page; answers the last id read.
   * With {@code skipCommitted}, rows exactly as this instance committed them are left out, and a
   * page of nothing else is not stored (its cursor stays in memory; a restart reads it again).
   */
  private long readFrom(Long after, boolean skipCommitted) {
    long lastId = after == null ? 0 : after;
    while (true) {
      List<OrganizationBody> page = listing.after(after);
      if (!page.isEmpty()) {
        lastId = page.get(page.size() - 1).id();
        long through = lastId;
        List<NameRows.Row> fresh = toRows(page);
        if (skipCommitted) {
          fresh.removeIf(row -> row.equals(committed.get(row.organizationId())));
        }
        if (!fresh.isEmpty()) {
          stored(
              () -> {
                rows.storePage(fresh, through);
                return null;
              });
        }
      }
      if (page.size() < listing.pageSize()) {
        return lastId;
      }
      after = OrganizationPaging.nextCursor(LIST, after, lastId);
    }
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
