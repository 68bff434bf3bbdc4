package org.msp.onboarding.names;

import java.util.List;
import org.msp.onboarding.ninjaone.dto.OrganizationBody;

/** GET /v2/organizations one page at a time: what the name index reads (a fake in unit tests). */
interface ListingPages {

  /** The organizations with an id above {@code after} (null: from the start), one page. */
  List<OrganizationBody> after(Long after);

  int pageSize();
}
