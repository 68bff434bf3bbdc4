package org.msp.onboarding.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Onboarding request events for the integration tests, each with its own client and organization
 * name.
 */
public final class Events {
  static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  static com.fasterxml.jackson.databind.JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  public record Event(ObjectNode json) {
    public String clientId() {
      return json.get("clientId").asText();
    }

    public String eventId() {
      return json.get("eventId").asText();
    }

    public String organizationName() {
      return json.get("organization").get("name").asText();
    }

    public ObjectNode organization() {
      return (ObjectNode) json.get("organization");
    }

    public byte[] bytes() {
      return json.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The README's sample shape: 2 locations, 2 policies, 3 custom fields, 2 agent deployments. */
  public static Event newClient(String label) {
    String unique = label + "-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode event = JSON.createObjectNode();
    event.put("eventId", UUID.randomUUID().toString());
    event.put("clientId", "crm-" + unique);
    event.put("source", "connectwise-psa");
    event.put("occurredAt", "2026-11-28T09:00:00Z");
    ObjectNode org = event.putObject("organization");
    org.put("name", "Org " + unique);
    org.put("description", "Managed client " + unique);
    org.put("nodeApprovalMode", "AUTOMATIC");
    org.putArray("tags").add("premium");
    ObjectNode fields = org.putObject("fields");
    fields.put("contractType", "Managed");
    fields.put("slaHours", 4);
    fields.put("accountManager", "Dana");
    ArrayNode locations = org.putArray("locations");
    locations.addObject().put("name", "Headquarters").put("address", "1 Main St");
    locations.addObject().put("name", "Branch").put("address", "2 Side St");
    ArrayNode policies = org.putArray("policies");
    policies.addObject().put("nodeRoleId", 1).put("policyId", 100);
    policies.addObject().put("nodeRoleId", 2).put("policyId", 200);
    ArrayNode deployments = event.putArray("agentDeployments");
    deployments
        .addObject()
        .put("location", "Headquarters")
        .put("installerType", "WINDOWS_MSI")
        .put("nodeRoleId", 1);
    deployments.addObject().put("location", "Branch").put("installerType", "WINDOWS_MSI");
    return new Event(event);
  }
}
