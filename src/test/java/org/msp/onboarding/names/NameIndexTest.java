package org.msp.onboarding.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.saga.OrganizationNames.Holder;
import org.msp.onboarding.saga.RemoteCallException;

class NameIndexTest {
  private final FakeListing listing = new FakeListing(200);
  private final InMemoryNameRows rows = new InMemoryNameRows();
  private final NameIndex index = new NameIndex(listing, rows);

  @Test
  void firstCheckFillsTheIndexThenEachCheckReadsOnlyAfterTheHighestIdSeen() {
    for (int i = 0; i < 450; i++) {
      listing.add("Org " + i, null);
    }
    assertEquals(List.of(), index.holdersOf("Acme"));
    assertEquals(Arrays.asList(null, 200L, 400L), listing.cursors, "a full scan, page by page");

    long acme = listing.add("ACME", null);
    listing.cursors.clear();
    assertEquals(List.of(new Holder(acme, null)), index.holdersOf("acme"));
    assertEquals(
        List.of(450L),
        listing.cursors,
        "one call, after the highest id: the tenant's size does not count");
  }

  @Test
  void everyHolderOfANameIsAnsweredOldestFirstWithItsMarker() {
    long foreign = listing.add("Shared", null);
    listing.add("Other", null);
    long ours = listing.add("shared", "saga-1");
    long another = listing.add("SHARED", "saga-2");

    assertEquals(
        List.of(
            new Holder(foreign, null), new Holder(ours, "saga-1"), new Holder(another, "saga-2")),
        index.holdersOf("Shared"));
    assertEquals(Optional.of(ours), index.markedBy("saga-1"));
  }

  @Test
  void renamesAndDeletionsInNinjaOnesUiAreSeenAtTheNextFullScanOnly() {
    long renamed = listing.add("Old Name", null);
    long deleted = listing.add("Gone", null);
    listing.add("Stays", null);
    index.holdersOf("anything");
    listing.rename(renamed, "Client Name");
    listing.organizations.remove(deleted);

    assertEquals(
        List.of(), index.holdersOf("Client Name"), "the incremental refresh reads new ids only");
    assertEquals(1, index.holdersOf("Gone").size());

    rows.scanDue = true;
    index.fullScanIfDue(Duration.ofHours(1));
    assertEquals(List.of(new Holder(renamed, null)), index.holdersOf("Client Name"));
    assertEquals(List.of(), index.holdersOf("Old Name"));
    assertEquals(List.of(), index.holdersOf("Gone"));
    assertEquals(1, index.holdersOf("Stays").size());
  }

  @Test
  void anOrganizationThisServiceNamesIsSeenAtOnceWithoutSkippingOlderOnesItHasNotRead() {
    listing.add("First", null);
    index.holdersOf("x");
    long foreign = listing.add("Client", null); // created in NinjaOne's UI, not read yet
    long ours = listing.add("Mine", "saga-9");
    // as NamedOrganizations does in the step's commit
    rows.store(new NameRows.Row(ours, NameIndex.key("Mine"), "saga-9"));
    listing.cursors.clear();

    assertEquals(List.of(new Holder(foreign, null)), index.holdersOf("client"));
    assertEquals(
        List.of(1L), listing.cursors, "the cursor is what was read, not the highest id recorded");
  }

  @Test
  void aListedOrganizationThisInstanceCommittedIsNotStoredAgain() {
    index.holdersOf("x");
    long ours = listing.add("Mine", "saga-9");
    // as NamedOrganizations does: in the step's commit, then after it succeeded
    rows.store(new NameRows.Row(ours, NameIndex.key("Mine"), "saga-9"));
    index.committed(ours, "Mine", "saga-9");
    rows.pagesStored = 0;
    listing.cursors.clear();

    assertEquals(List.of(new Holder(ours, "saga-9")), index.holdersOf("MINE"));
    assertEquals(0, rows.pagesStored, "nothing new on the page: no transaction");
    long foreign = listing.add("Client", null);
    assertEquals(List.of(new Holder(foreign, null)), index.holdersOf("client"));
    assertEquals(
        Arrays.asList(null, ours), listing.cursors, "the cursor moved past it all the same");
    assertEquals(1, rows.pagesStored);
  }

  @Test
  void aCommittedOrganizationRenamedInNinjaOneBeforeTheListingReadItIsStoredAsListed() {
    index.holdersOf("x");
    long ours = listing.add("Mine", "saga-9");
    rows.store(new NameRows.Row(ours, NameIndex.key("Mine"), "saga-9"));
    index.committed(ours, "Mine", "saga-9");
    listing.rename(ours, "Renamed");

    assertEquals(List.of(new Holder(ours, "saga-9")), index.holdersOf("renamed"));
    assertEquals(List.of(), index.holdersOf("mine"));
  }

  @Test
  void aRolledBackOrganizationRenamedByThisServiceFreesItsNameAtOnce() {
    long ours = listing.add("Acme", "saga-3");
    index.holdersOf("Acme");
    // as NamedOrganizations does in the step's commit
    rows.store(new NameRows.Row(ours, NameIndex.key("Acme [rolled back saga-3]"), "saga-3"));
    assertEquals(List.of(), index.holdersOf("Acme"));
  }

  @Test
  void aFailedRefreshFailsTheCheckInsteadOfAnsweringFromAStaleIndex() {
    index.holdersOf("x");
    listing.failWith =
        new RemoteCallException(RemoteCallException.Kind.TRANSIENT, 503, "503", null);
    assertThrows(RemoteCallException.class, () -> index.holdersOf("x"));
    listing.failWith = null;
    assertTrue(index.holdersOf("x").isEmpty());
  }
}
