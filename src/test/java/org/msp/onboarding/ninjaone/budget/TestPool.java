package org.msp.onboarding.ninjaone.budget;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.msp.onboarding.harness.TestDatabase;

/**
 * A connection pool on a test database, like the one each service instance has; and the service's
 * schema.
 */
final class TestPool {
  private TestPool() {}

  static AgroalDataSource open(TestDatabase database, int connections) throws SQLException {
    return AgroalDataSource.from(
        new AgroalDataSourceConfigurationSupplier()
            .connectionPoolConfiguration(
                pool ->
                    pool.maxSize(connections)
                        .connectionFactoryConfiguration(
                            factory ->
                                factory
                                    .jdbcUrl(database.jdbcUrl())
                                    .principal(new NamePrincipal(database.username()))
                                    .credential(
                                        new SimplePassword(
                                            database.password() == null
                                                ? ""
                                                : database.password())))));
  }

  /** The service's Flyway migrations, as the service applies them at start. */
  static void migrate(TestDatabase database) {
    Flyway.configure()
        .dataSource(database.jdbcUrl(), database.username(), database.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
