package org.msp.onboarding.names;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import org.msp.onboarding.persistence.TransactionConnection;
import org.msp.onboarding.saga.SagaEvent;

/**
 * Organizations this service creates or renames enter the name index in the commit that records the
 * step, so the next name check sees them at once, at no transaction of their own; once committed,
 * the index's refresh need not store them again when the listing shows them.
 */
@ApplicationScoped
class NamedOrganizations {
  private final TransactionConnection connection;
  private final NameIndex index;

  NamedOrganizations(TransactionConnection connection, NameIndex index) {
    this.connection = connection;
    this.index = index;
  }

  void onNamed(@Observes SagaEvent.OrganizationNamed named) {
    NameRows.Row row =
        new NameRows.Row(named.organizationId(), NameIndex.key(named.name()), named.sagaMarker());
    connection.run(
        c -> {
          PgNameRows.upsert(c, List.of(row));
          return null;
        });
  }

  void afterCommit(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) SagaEvent.OrganizationNamed named) {
    index.committed(named.organizationId(), named.name(), named.sagaMarker());
  }
}
