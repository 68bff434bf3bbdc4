package org.msp.onboarding.names;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;
import org.msp.onboarding.saga.SagaEvent;

/**
 * Organizations this service creates or renames enter the name index in the commit that records the
 * step, so the next name check sees them at once, at no transaction of their own; once committed,
 * the index's refresh need not store them again when the listing shows them.
 */
@ApplicationScoped
class NamedOrganizations {
  private final EntityManager em;
  private final NameIndex index;

  NamedOrganizations(EntityManager em, NameIndex index) {
    this.em = em;
    this.index = index;
  }

  void onNamed(@Observes SagaEvent.OrganizationNamed named) {
    NameRows.Row row =
        new NameRows.Row(named.organizationId(), NameIndex.key(named.name()), named.sagaMarker());
    em.unwrap(Session.class).doWork(c -> PgNameRows.upsert(c, List.of(row)));
  }

  void afterCommit(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) SagaEvent.OrganizationNamed named) {
    index.committed(named.organizationId(), named.name(), named.sagaMarker());
  }
}
