package org.msp.onboarding.deadletters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.msp.onboarding.deadletters.DeadLetterViews.ReplayView;

/** The replays recorded in PostgreSQL, looked up for the letters of a page. */
@ApplicationScoped
public class ReplayStore {
  private final EntityManager em;

  public ReplayStore(EntityManager em) {
    this.em = em;
  }

  /** Inserted and flushed, so a database that refuses it stops the replay before it is sent. */
  DeadLetterReplayEntity begin(DeadLetterReplayEntity replay) {
    em.persist(replay);
    em.flush();
    return replay;
  }

  /** Each letter's replays, oldest first; a letter without any is absent. */
  Map<String, List<ReplayView>> of(Collection<DeadLetter> letters) {
    if (letters.isEmpty()) {
      return Map.of();
    }
    Map<String, DeadLetter> byId = new LinkedHashMap<>();
    letters.forEach(letter -> byId.put(letter.id().toString(), letter));
    return em
        .createQuery(
            "from DeadLetterReplayEntity r where r.deadLetterId in :ids order by r.replayedAt",
            DeadLetterReplayEntity.class)
        .setParameter("ids", byId.keySet())
        .getResultList()
        .stream()
        // same place, same time: the letter itself, not one at its place in a topic made anew
        .filter(r -> r.deadLetteredAt.equals(byId.get(r.deadLetterId).deadLetteredAt()))
        .collect(
            Collectors.groupingBy(
                r -> r.deadLetterId,
                LinkedHashMap::new,
                Collectors.mapping(ReplayStore::view, Collectors.toList())));
  }

  static ReplayView view(DeadLetterReplayEntity r) {
    return new ReplayView(
        r.deadLetterId,
        r.replayedBy,
        r.replayedAt,
        r.corrected,
        r.eventId,
        r.requestPartition,
        r.requestOffset);
  }
}
