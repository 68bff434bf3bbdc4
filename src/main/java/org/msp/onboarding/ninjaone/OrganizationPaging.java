package org.msp.onboarding.ninjaone;

import java.util.List;
import org.msp.onboarding.ninjaone.dto.OrganizationBody;
import org.msp.onboarding.saga.RemoteCallException;

/**
 * The {@code after} cursor of NinjaOne's organization listings: truncated paging is NinjaOne
 * clients' classic bug.
 */
public final class OrganizationPaging {
  private OrganizationPaging() {}

  /** The last id of a full GET /v2/organizations page; fails loudly when it does not advance. */
  static long nextCursor(Long previous, List<OrganizationBody> fullPage) {
    return nextCursor("GET /v2/organizations", previous, fullPage.get(fullPage.size() - 1).id());
  }

  /** The last id of a full page; fails loudly when it does not move past the previous cursor. */
  public static long nextCursor(String endpoint, Long previous, Long lastIdOfPage) {
    if (lastIdOfPage == null || (previous != null && lastIdOfPage <= previous)) {
      throw new RemoteCallException(
          RemoteCallException.Kind.PERMANENT,
          200,
          endpoint
              + ": paging cursor did not advance (after="
              + previous
              + ", last id="
              + lastIdOfPage
              + ")",
          null);
    }
    return lastIdOfPage;
  }
}
