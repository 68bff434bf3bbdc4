package org.msp.onboarding.ninjaone;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.msp.onboarding.saga.RemoteCallException;

/**
 * The client-credentials token, from the Quarkus OIDC client. Client credentials give no refresh
 * token, so a new token is fetched shortly before expiry (refresh-token-time-skew), and once more
 * after a 401. A token request counts against the request budget like any call: NinjaOne does not
 * say whether it counts them, so we assume it does (it costs one slot per instance and hour).
 */
@ApplicationScoped
public class NinjaOneTokens {
  private final OidcClient oidcClient;
  private final NinjaOneCallMetrics metrics;
  private final RequestBudget budget;
  private Tokens tokens;
  private long generation;

  public NinjaOneTokens(OidcClient oidcClient, NinjaOneCallMetrics metrics, RequestBudget budget) {
    this.oidcClient = oidcClient;
    this.metrics = metrics;
    this.budget = budget;
  }

  public synchronized String accessToken() {
    if (tokens == null
        || tokens.isAccessTokenExpired()
        || tokens.isAccessTokenWithinRefreshInterval()) {
      tokens = fetch();
      generation++;
    }
    return tokens.getAccessToken();
  }

  /** Identifies the token in use, so that many threads seeing one 401 renew it only once. */
  public synchronized long generation() {
    return generation;
  }

  /** Drops the token NinjaOne rejected, unless another thread already replaced it. */
  public synchronized void rejected(long rejectedGeneration) {
    if (generation == rejectedGeneration) {
      tokens = null;
    }
  }

  private Tokens fetch() {
    budget.acquire();
    try {
      return metrics.tokenRequest(
          () -> oidcClient.getTokens().await().atMost(Duration.ofSeconds(30)));
    } catch (RuntimeException e) {
      // The auth layer's message names neither secret nor token; it is safe to keep on the step.
      throw new RemoteCallException(
          RemoteCallException.Kind.TRANSIENT,
          0,
          "token request to /ws/oauth/token failed: " + e.getMessage(),
          null);
    }
  }
}
