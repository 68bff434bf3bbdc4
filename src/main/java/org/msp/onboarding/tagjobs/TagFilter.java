package org.msp.onboarding.tagjobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.msp.onboarding.tagjobs.OrganizationTags.Organization;

/**
 * Which organizations a tag job changes: every criterion given must hold (name prefix,
 * case-insensitive; a tag the organization already carries, case-sensitive as NinjaOne stores it;
 * one of the listed ids).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TagFilter(String namePrefix, String tag, List<Long> organizationIds) {

  /** Not a property of the filter's JSON: a getter Jackson would otherwise write as "empty". */
  @JsonIgnore
  public boolean isEmpty() {
    return blank(namePrefix)
        && blank(tag)
        && (organizationIds == null || organizationIds.isEmpty());
  }

  public boolean matches(Organization org) {
    if (!blank(namePrefix)
        && (org.name() == null
            || !org.name()
                .toLowerCase(Locale.ROOT)
                .startsWith(namePrefix.toLowerCase(Locale.ROOT)))) {
      return false;
    }
    if (!blank(tag) && (org.tags() == null || !org.tags().contains(tag))) {
      return false;
    }
    return organizationIds == null
        || organizationIds.isEmpty()
        || organizationIds.contains(org.id());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
