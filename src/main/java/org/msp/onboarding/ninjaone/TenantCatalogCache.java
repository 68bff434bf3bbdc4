package org.msp.onboarding.ninjaone;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.msp.onboarding.saga.NinjaOne.TenantCatalog;

/**
 * The tenant's node roles and policies, read at most every {@code ninjaone.catalog-max-age}: they
 * change when an admin edits them, not per client. A re-read asked for because an id was missing
 * happens at most every {@code ninjaone.catalog-reread-after-miss}, so a stream of requests naming
 * a role that does not exist costs two calls per period, not two each.
 */
@ApplicationScoped
public class TenantCatalogCache {
  private final Duration maxAge;
  private final Duration minReread;
  private TenantCatalog catalog;
  private Instant readAt = Instant.MIN;

  public TenantCatalogCache(NinjaOneConfig config) {
    this.maxAge = config.catalogMaxAge();
    this.minReread = config.catalogRereadAfterMiss();
  }

  synchronized TenantCatalog get(boolean fresh, Supplier<TenantCatalog> read) {
    Instant now = Instant.now();
    Duration age = catalog == null ? null : Duration.between(readAt, now);
    boolean stale =
        age == null || age.compareTo(maxAge) >= 0 || (fresh && age.compareTo(minReread) >= 0);
    if (stale) {
      catalog = read.get();
      readAt = now;
    }
    return catalog;
  }
}
