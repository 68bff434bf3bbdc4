package org.msp.onboarding.saga;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msp.onboarding.saga.request.AgentDeploymentRequest;
import org.msp.onboarding.saga.request.PolicyRequest;

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

  /**
   * Update and offboarding: the organization as it stood before the saga's first write, read once
   * and saved before that write, for the rollback. Null until read.
   */
  public NinjaOne.OrganizationState organizationBefore;

  /**
   * Update: the tags this service manages on the organization (those its last completed saga for
   * the client asked for); tags it never set are never removed.
   */
  public List<String> managedTags;

  /** Update: the organization's locations before the update (name -> state). Null until read. */
  public Map<String, NinjaOne.Location> locationsBefore;

  /** Update: the locations the update added (new sites get deployment tasks). Null otherwise. */
  public List<String> addedLocations;

  /** The ids of the NinjaOne checklists the saga made; null until made. */
  public List<Long> checklistIds;

  /** Update and offboarding: the policy mapping before the saga replaced it. Null until read. */
  public List<PolicyRequest> policiesBefore;

  public SagaData copy() {
    SagaData copy = new SagaData();
    copy.organizationId = organizationId;
    copy.locationIds = new LinkedHashMap<>(locationIds);
    copy.fieldsBefore = fieldsBefore == null ? null : new LinkedHashMap<>(fieldsBefore);
    copy.installerUrls = new LinkedHashMap<>(installerUrls);
    copy.deployments = deployments == null ? null : List.copyOf(deployments);
    copy.rolledBackName = rolledBackName;
    copy.organizationBefore = organizationBefore;
    copy.managedTags = managedTags == null ? null : List.copyOf(managedTags);
    copy.locationsBefore = locationsBefore == null ? null : new LinkedHashMap<>(locationsBefore);
    copy.addedLocations = addedLocations == null ? null : new ArrayList<>(addedLocations);
    copy.policiesBefore = policiesBefore == null ? null : List.copyOf(policiesBefore);
    copy.checklistIds = checklistIds == null ? null : List.copyOf(checklistIds);
    return copy;
  }
}
