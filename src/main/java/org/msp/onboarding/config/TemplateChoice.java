package org.msp.onboarding.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.msp.onboarding.saga.request.ClientRequest;

/**
 * Picks the NinjaOne template organization and checklist templates of a new organization from one
 * of the request's fields (e.g. contractType), where the request names none itself. Chosen once,
 * when the saga starts, and stored in its request: what it used stays visible and fixed.
 */
@ApplicationScoped
public class TemplateChoice {
  private final Optional<String> field;
  private final Map<String, Long> organizations;
  private final Map<String, List<Long>> checklists;

  public TemplateChoice(
      @ConfigProperty(name = "onboarding.templates.field") Optional<String> field,
      @ConfigProperty(name = "onboarding.templates.organizations") Optional<String> organizations,
      @ConfigProperty(name = "onboarding.templates.checklists") Optional<String> checklists) {
    this.field = field.filter(f -> !f.isBlank());
    this.organizations = new LinkedHashMap<>();
    parse(organizations, "onboarding.templates.organizations")
        .forEach((value, ids) -> this.organizations.put(value, single(value, ids)));
    this.checklists = parse(checklists, "onboarding.templates.checklists");
  }

  /** The request with the templates its field's value maps to, where it names none. */
  public ClientRequest apply(ClientRequest request) {
    if (field.isEmpty() || request.organization() == null || request.organization().adopts()) {
      return request;
    }
    Object value = request.organization().fieldsOrEmpty().get(field.get());
    Long ownTemplate = request.organization().templateOrganizationId();
    List<Long> ownChecklists = request.checklistTemplateIds();
    if (value == null) {
      return request;
    }
    Long template = ownTemplate != null ? ownTemplate : organizations.get(value.toString());
    List<Long> lists = ownChecklists != null ? ownChecklists : checklists.get(value.toString());
    boolean unchanged =
        java.util.Objects.equals(template, ownTemplate)
            && java.util.Objects.equals(lists, ownChecklists);
    return unchanged ? request : request.withTemplates(template, lists);
  }

  /** "Managed=12;Co-managed=13" or, for checklists, "Managed=4,5;Co-managed=6". */
  static Map<String, List<Long>> parse(Optional<String> setting, String name) {
    Map<String, List<Long>> map = new LinkedHashMap<>();
    for (String entry : setting.orElse("").split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.lastIndexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            name + ": '" + entry + "' is not value=id[,id...] (entries separated by ';')");
      }
      try {
        map.put(
            entry.substring(0, eq).trim(),
            Arrays.stream(entry.substring(eq + 1).split(","))
                .map(String::trim)
                .map(Long::valueOf)
                .toList());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            name + ": '" + entry + "' has an id that is not a number");
      }
    }
    return map;
  }

  private static Long single(String value, List<Long> ids) {
    if (ids.size() != 1) {
      throw new IllegalArgumentException(
          "onboarding.templates.organizations: '" + value + "' must map to one organization id");
    }
    return ids.get(0);
  }
}
