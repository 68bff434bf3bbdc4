package org.msp.onboarding.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
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
  void anOrganizationCreatedHereIsLeftToItsStepsCommitAndAnsweredMeanwhile() {
    index.holdersOf("x");
    long first = listing.add("First", null);
    long ours = listing.add("Mine", "saga-9");
    long foreign = listing.add("Client", null);
    index.created(ours, "Mine", "saga-9");
    rows.pagesStored = 0;

    assertEquals(List.of(new Holder(ours, "saga-9")), index.holdersOf("MINE"));
    assertEquals(Optional.of(ours), index.markedBy("saga-9"));
    assertEquals(List.of(), rows.holdersOf("mine"), "not stored by the refresh");
    assertEquals(1, index.holdersOf("first").size(), "the rest of the page is stored");
    assertEquals(first, rows.refreshedThrough(), "the stored cursor stops short of it");

    // as NamedOrganizations does: in the step's commit, then after it succeeded
    rows.store(new NameRows.Row(ours, NameIndex.key("Mine"), "saga-9"));
    index.committed(ours, "Mine", "saga-9");
    listing.cursors.clear();
    rows.pagesStored = 0;
    assertEquals(List.of(new Holder(foreign, null)), index.holdersOf("client"));
    assertEquals(List.of(first), listing.cursors, "read again from just below it");
    assertEquals(0, rows.pagesStored, "neither it nor the rows stored beyond it are stored again");
    listing.cursors.clear();
    index.holdersOf("client");
    assertEquals(List.of(foreign), listing.cursors, "then the cursor moves past them all");
  }

  @Test
  void aCreatedOrganizationWhoseStepNeverCommitsIsStoredOnceItsHoldIsOver() {
    AtomicLong now = new AtomicLong();
    NameIndex index = new NameIndex(listing, rows, now::get);
    index.holdersOf("x");
    long ours = listing.add("Mine", "saga-9");
    index.created(ours, "Mine", "saga-9");
    index.holdersOf("x");
    assertEquals(List.of(), rows.holdersOf("mine"));

    now.addAndGet(NameIndex.HOLD.toNanos());
    index.holdersOf("x");
    assertEquals(List.of(new Holder(ours, "saga-9")), rows.holdersOf("mine"));
    assertEquals(ours, rows.refreshedThrough());
  }

  @Test
  void aRestartBeforeTheCreatedOrganizationsCommitReadsItFromTheListingAgain() {
    index.holdersOf("x");
    long ours = listing.add("Mine", "saga-9");
    index.created(ours, "Mine", "saga-9");
    listing.add("Client", null);
    index.holdersOf("x");

    NameIndex restarted = new NameIndex(listing, rows);
    assertEquals(List.of(new Holder(ours, "saga-9")), restarted.holdersOf("mine"));
    assertEquals(Optional.of(ours), restarted.markedBy("saga-9"));
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
