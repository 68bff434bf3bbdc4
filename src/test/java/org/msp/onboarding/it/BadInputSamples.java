package org.msp.onboarding.it;

import java.util.List;
import org.junit.jupiter.api.Named;

/**
 * The bad-input catalogue's records, for tests outside this package (the contract's agreement
 * test): each case's name, key and value, built exactly as the integration test publishes them.
 */
public final class BadInputSamples {
  /** One case of the catalogue. */
  public record Sample(String name, String key, byte[] value) {}

  private BadInputSamples() {}

  public static List<Sample> all() {
    return BadInputCatalogueIT.catalogue()
        .map(
            arguments -> {
              @SuppressWarnings("unchecked")
              Named<BadInputCatalogueIT.BadRecord> named =
                  (Named<BadInputCatalogueIT.BadRecord>) arguments.get()[0];
              BadInputCatalogueIT.BadRecord bad = named.getPayload();
              return new Sample(named.getName(), bad.key(), bad.value());
            })
        .toList();
  }
}
