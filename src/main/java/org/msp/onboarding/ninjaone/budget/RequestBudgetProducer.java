package org.msp.onboarding.ninjaone.budget;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.msp.onboarding.ninjaone.NinjaOneConfig;
import org.msp.onboarding.ninjaone.RequestBudget;

/**
 * The service's request budget: none, or the tenant's, shared through PostgreSQL by every instance.
 */
@ApplicationScoped
public class RequestBudgetProducer {

  @Produces
  @Singleton
  RequestBudget requestBudget(
      NinjaOneConfig config, DataSource dataSource, MeterRegistry registry) {
    double requestsPerSecond = config.requestsPerSecond();
    String tenant = config.baseUrl();
    if (requestsPerSecond <= 0) {
      return RequestBudget.NONE;
    }
    SlotSource table = new TenantSlotTable(dataSource, tenant, Aimd.forBudget(requestsPerSecond));
    return new PacedRequestBudget(
        outsideTransactions(table), requestsPerSecond, new BudgetMetrics(registry));
  }

  /**
   * The row must never be locked for longer than its one statement: were a caller's transaction to
   * enlist it, every instance would wait for that transaction, NinjaOne calls and all.
   */
  private static SlotSource outsideTransactions(SlotSource table) {
    return new SlotSource() {
      @Override
      public SlotBatch reserve(int wanted) {
        return QuarkusTransaction.suspendingExisting().call(() -> table.reserve(wanted));
      }

      @Override
      public void throttled() {
        QuarkusTransaction.suspendingExisting().run(table::throttled);
      }
    };
  }
}
