package org.msp.onboarding.ninjaone;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Every NinjaOne setting, in one place (environment form: NINJAONE_BASE_URL and so on). Validated
 * when the service starts: a value that makes no sense (a negative budget, a URL without a scheme,
 * a page size of 0) stops it with a message naming the setting, instead of failing each call later.
 * The base URL, scope and credentials are also read by the OIDC and REST client settings in
 * application.properties, which is why their defaults live there.
 */
@ConfigMapping(prefix = "ninjaone")
public interface NinjaOneConfig {
  /** An absolute http(s) URL; a path may follow the host. */
  String HTTP_URL = "https?://[^\\s/?#]+(/\\S*)?";

  /** The tenant region's host root, e.g. https://eu.ninjarmm.com; the token endpoint is on it. */
  @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL such as https://app.ninjarmm.com")
  String baseUrl();

  /** Where operators' browsers open NinjaOne (the console's links); the API's host by default. */
  @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL such as https://app.ninjarmm.com")
  String webUrl();

  /** The API app's client id (client credentials grant); production refuses the placeholder. */
  @NotBlank
  String clientId();

  /** The API app's client secret; from a Secret, never a committed file. */
  @NotBlank
  String clientSecret();

  /** OAuth2 scopes requested with each token. */
  @NotBlank
  String scope();

  /** Organizations per page when the tenant is listed (name index, audit, adoption). */
  @Min(1)
  @Max(1000)
  @WithDefault("200")
  int organizationPageSize();

  /** How long the tenant's node roles and policies (GET /v2/roles, /v2/policies) are cached. */
  @DurationMin(seconds = 1)
  @WithDefault("PT10M")
  Duration catalogMaxAge();

  /**
   * A request naming a role or policy missing from the cache re-reads them, at most this often (0:
   * every time).
   */
  @DurationMin(seconds = 0)
  @WithDefault("PT30S")
  Duration catalogRereadAfterMiss();

  /**
   * Requests per second the tenant may get from all instances together, token requests included,
   * shared through PostgreSQL; 0: no limit and no database work for it.
   */
  @DecimalMin("0")
  @WithDefault("0")
  double requestsPerSecond();
}
