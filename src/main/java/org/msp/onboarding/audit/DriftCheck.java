package org.msp.onboarding.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.msp.onboarding.audit.TenantReads.PolicyMapping;
import org.msp.onboarding.saga.request.PolicyRequest;

/**
 * Compares what onboarding set with what NinjaOne holds now; each difference is one readable line.
 */
final class DriftCheck {
  /**
   * Numbers compare by value: NinjaOne may answer 4 where the request said 4.0, and that is no
   * drift.
   */
  private static final Comparator<JsonNode> SAME_VALUE =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? a.decimalValue().compareTo(b.decimalValue())
              : (a.equals(b) ? 0 : 1);

  private final ObjectMapper json;

  DriftCheck(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The PUT of step 3 replaced the whole mapping, so a mapping onboarding did not request is drift
   * too.
   */
  static List<String> policies(List<PolicyRequest> expected, List<PolicyMapping> actual) {
    Map<Long, Long> wanted = new TreeMap<>();
    expected.forEach(p -> wanted.put(p.nodeRoleId(), p.policyId()));
    Map<Long, Long> found = new TreeMap<>();
    actual.forEach(p -> found.put(p.nodeRoleId(), p.policyId()));
    List<String> issues = new ArrayList<>();
    wanted.forEach(
        (role, policy) -> {
          Long now = found.get(role);
          if (now == null) {
            issues.add("node role " + role + ": expected policy " + policy + ", not mapped");
          } else if (!now.equals(policy)) {
            issues.add("node role " + role + ": expected policy " + policy + ", found " + now);
          }
        });
    found.forEach(
        (role, policy) -> {
          if (!wanted.containsKey(role)) {
            issues.add(
                "node role " + role + ": mapped to policy " + policy + ", not set by onboarding");
          }
        });
    return issues;
  }

  /** Only the fields onboarding wrote are required; other fields may be added by anyone. */
  List<String> fields(Map<String, Object> expected, Map<String, Object> actual) {
    List<String> issues = new ArrayList<>();
    new TreeMap<>(expected)
        .forEach(
            (name, value) -> {
              JsonNode want = json.valueToTree(value);
              boolean present = actual.containsKey(name) && actual.get(name) != null;
              if (want.isNull()) {
                if (present) {
                  issues.add(
                      "field "
                          + name
                          + ": expected none, found "
                          + json.valueToTree(actual.get(name)));
                }
              } else if (!present) {
                issues.add("field " + name + ": expected " + want + ", missing");
              } else {
                JsonNode now = json.valueToTree(actual.get(name));
                if (!want.equals(SAME_VALUE, now)) {
                  issues.add("field " + name + ": expected " + want + ", found " + now);
                }
              }
            });
    return issues;
  }
}
