package org.msp.onboarding.tagjobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.msp.onboarding.saga.RemoteCallException;

/**
 * One attempt at one organization: read its tags, PATCH the new list, read it back. No transaction
 * is open here.
 */
@ApplicationScoped
public class TagApplier {
  private final OrganizationTags organizations;

  public TagApplier(OrganizationTags organizations) {
    this.organizations = organizations;
  }

  TargetOutcome apply(long organizationId, List<String> add, List<String> remove) {
    List<String> read = null;
    boolean patched = false;
    try {
      read = organizations.tags(organizationId);
      List<String> desired = TagChange.desired(read, add, remove);
      if (desired.equals(read)) {
        return new TargetOutcome.Verified(read, read, false);
      }
      // Sent before the call: a lost answer may still have applied it.
      patched = true;
      organizations.replace(organizationId, desired);
      List<String> after = organizations.tags(organizationId);
      if (!TagChange.satisfied(after, add, remove)) {
        // Someone else wrote the tags between our read and our PATCH: read-modify-write again.
        return new TargetOutcome.RetryLater(
            read, true, "read back " + after + " after the PATCH; trying again", null);
      }
      return new TargetOutcome.Verified(read, after, true);
    } catch (RemoteCallException e) {
      return e.kind() == RemoteCallException.Kind.TRANSIENT
          ? new TargetOutcome.RetryLater(read, patched, e.getMessage(), e.retryAfter())
          : new TargetOutcome.Failed(read, patched, e.getMessage());
    }
  }
}
