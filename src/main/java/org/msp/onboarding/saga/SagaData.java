package org.msp.onboarding.saga;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msp.onboarding.saga.request.AgentDeploymentRequest;

/**
 * What the steps learned from NinjaOne (ids created, values to restore), stored with the saga so
 * that a restarted or retried step continues from there.
 */
public class SagaData {
  public Long organizationId;

  /** Location name -> NinjaOne location id, for the locations of the event. */
  public Map<String, Long> locationIds = new LinkedHashMap<>();

  /** Custom field values read before step 4 wrote them; null until read. */
  public Map<String, Object> fieldsBefore;

  /** Deployment key (location|installerType) -> installer URL. */
  public Map<String, String> installerUrls = new LinkedHashMap<>();

  /**
   * The agent deployments step 5 records, decided when it first runs: the event's own, else one per
   * location and per installer type implied by the mapped roles' node classes in this tenant. Null
   * until then.
   */
  public List<AgentDeploymentRequest> deployments;

  /** The name the organization was renamed to by the rollback, if it was. */
  public String rolledBackName;

  public SagaData copy() {
    SagaData copy = new SagaData();
    copy.organizationId = organizationId;
    copy.locationIds = new LinkedHashMap<>(locationIds);
    copy.fieldsBefore = fieldsBefore == null ? null : new LinkedHashMap<>(fieldsBefore);
    copy.installerUrls = new LinkedHashMap<>(installerUrls);
    copy.deployments = deployments == null ? null : List.copyOf(deployments);
    copy.rolledBackName = rolledBackName;
    return copy;
  }
}
