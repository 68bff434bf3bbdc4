package org.msp.onboarding.ninjaone;

import java.util.List;
import org.msp.onboarding.ninjaone.dto.OrganizationBody;
import org.msp.onboarding.saga.RemoteCallException;

/** The {@code after} cursor of GET /v2/organizations: truncated paging is NinjaOne clients' classic bug. */
final class OrganizationPaging {
  private OrganizationPaging() {}

  /** The last id of a full page; fails loudly when it does not move past the previous cursor. */
  static long nextCursor(Long previous, List<OrganizationBody> fullPage) {
    Long last = fullPage.get(fullPage.size() - 1).id();
    if (last == null || (previous != null && last <= previous)) {
      throw new RemoteCallException(
          RemoteCallException.Kind.PERMANENT,
          200,
          "GET /v2/organizations: paging cursor did not advance (after=" + previous + ", last id=" + last + ")",
          null);
    }
    return last;
  }
}
