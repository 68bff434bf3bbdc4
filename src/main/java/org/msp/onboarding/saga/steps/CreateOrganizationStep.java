package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.msp.onboarding.saga.FailureCode;
import org.msp.onboarding.saga.NinjaOne;
import org.msp.onboarding.saga.OrganizationNames;
import org.msp.onboarding.saga.OrganizationNames.Holder;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.saga.SagaEvent;
import org.msp.onboarding.saga.SagaStep;
import org.msp.onboarding.saga.StepContext;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.OrganizationRequest;

/**
 * Step 1. NinjaOne has no idempotency key and its published API no 409 for a taken name, so every
 * run, the first included, asks the name index who holds the name: an organization carrying this
 * saga's marker (a create whose answer was lost) is adopted, any other holder is a NAME_CONFLICT
 * that touches nothing.
 */
@ApplicationScoped
public class CreateOrganizationStep implements SagaStep {
  static final String ROLLED_BACK_TAG = "onboarding-rolled-back";

  private final NinjaOne ninjaOne;
  private final OrganizationNames names;

  public CreateOrganizationStep(NinjaOne ninjaOne, OrganizationNames names) {
    this.ninjaOne = ninjaOne;
    this.names = names;
  }

  @Override
  public StepName name() {
    return StepName.CREATE_ORGANIZATION;
  }

  @Override
  public boolean hasWork(ClientRequest request) {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    if (context.data().organizationId != null) {
      return StepOutcome.succeeded();
    }
    Optional<String> refusal = TenantMappingCheck.refusal(context.request(), ninjaOne);
    if (refusal.isPresent()) {
      return new StepOutcome.Failed(
          FailureCode.INVALID_POLICY_MAPPING, refusal.get() + "; nothing was created");
    }
    if (context.request().organization().adopts()) {
      return adopt(context);
    }
    String name = context.request().organization().name();
    Optional<StepOutcome> settled = adoptOrRefuse(context, name, names.holdersOf(name));
    if (settled.isPresent()) {
      return settled.get();
    }
    try {
      long id = ninjaOne.createOrganization(newOrganization(context));
      names.created(id, name, context.marker());
      context.data().organizationId = id;
      return StepOutcome.succeeded(new SagaEvent.OrganizationNamed(id, name, context.marker()));
    } catch (RemoteCallException e) {
      if (e.kind() != RemoteCallException.Kind.CONFLICT) {
        return e.toOutcome();
      }
      // A tenant that does answer 409 knows a holder the index has not seen (a rename in NinjaOne's
      // UI since the
      // last full scan): look through the whole tenant once.
      return adoptOrRefuse(context, name, holders(ninjaOne.organizationsNamed(name)))
          .orElse(e.toOutcome());
    }
  }

  /**
   * Takes over an existing organization: what it has is read and saved first (a commit of its own,
   * so a lost PATCH cannot make the rollback restore the saga's own values); then one PATCH adds
   * this saga's marker to its userData and the request's tags to its own. Its name, description and
   * approval mode stay. An organization that is missing or carries another saga's marker is not
   * touched.
   */
  private StepOutcome adopt(StepContext context) {
    long id = context.request().organization().ninjaOneOrganizationId();
    NinjaOne.OrganizationState before = context.data().organizationBefore;
    if (before == null) {
      try {
        before = ninjaOne.readOrganization(id);
      } catch (RemoteCallException e) {
        if (e.status() == 404) {
          return new StepOutcome.Failed(
              FailureCode.ORGANIZATION_NOT_ADOPTABLE,
              "organization " + id + " does not exist in NinjaOne; nothing was changed");
        }
        throw e;
      }
      String holder = marker(before.userData());
      if (holder != null && !holder.equals(context.marker())) {
        return new StepOutcome.Failed(
            FailureCode.ORGANIZATION_NOT_ADOPTABLE,
            "organization "
                + id
                + " is already managed by saga "
                + holder
                + " (its userData marker); nothing was changed");
      }
      context.data().organizationBefore = before;
      return new StepOutcome.Checkpoint();
    }
    Map<String, Object> userData = new java.util.LinkedHashMap<>(before.userData());
    userData.put(StepContext.MARKER, context.marker());
    List<String> tags = new ArrayList<>(before.tags());
    context.request().organization().tagsOrEmpty().stream()
        .filter(t -> !tags.contains(t))
        .forEach(tags::add);
    ninjaOne.changeOrganization(
        id, new NinjaOne.OrganizationChange(null, null, null, tags, userData));
    context.data().organizationId = id;
    return StepOutcome.succeeded(
        new SagaEvent.OrganizationNamed(id, before.name(), context.marker()));
  }

  /**
   * Adopts this saga's own organization among all holders, or refuses foreign ones without touching
   * them.
   */
  private static Optional<StepOutcome> adoptOrRefuse(
      StepContext context, String name, List<Holder> holders) {
    if (holders.isEmpty()) {
      return Optional.empty();
    }
    Optional<Holder> ours =
        holders.stream().filter(h -> context.marker().equals(h.sagaMarker())).findFirst();
    if (ours.isPresent()) {
      context.data().organizationId = ours.get().organizationId();
      return Optional.of(StepOutcome.succeeded());
    }
    String ids =
        holders.stream()
            .map(h -> Long.toString(h.organizationId()))
            .collect(Collectors.joining(", "));
    return Optional.of(
        new StepOutcome.Failed(
            FailureCode.NAME_CONFLICT,
            "organization '"
                + name
                + "' already exists in NinjaOne (id "
                + ids
                + ") and was not created by this saga; it was left untouched"));
  }

  private static List<Holder> holders(List<NinjaOne.Organization> organizations) {
    return organizations.stream().map(o -> new Holder(o.id(), marker(o.userData()))).toList();
  }

  static String marker(Map<String, Object> userData) {
    Object marker = userData == null ? null : userData.get(StepContext.MARKER);
    return marker == null ? null : marker.toString();
  }

  private static NinjaOne.NewOrganization newOrganization(StepContext context) {
    OrganizationRequest org = context.request().organization();
    return new NinjaOne.NewOrganization(
        org.name(),
        org.description(),
        org.approvalModeOrDefault(),
        org.tagsOrEmpty(),
        Map.of(StepContext.MARKER, context.marker()),
        org.templateOrganizationId());
  }

  /**
   * Neutralises the organization with one PATCH: renamed so its name is free again, no device may
   * join, and tagged for the operator's clean-up. A create that may have happened without its
   * answer being recorded is found by its marker. A NAME_CONFLICT saga never owned one, so it
   * touches nothing.
   */
  @Override
  public StepOutcome compensate(StepContext context) {
    if (context.request().organization().adopts()) {
      return releaseAdopted(context);
    }
    Long organizationId = context.data().organizationId;
    if (organizationId == null && !nothingCreated(context.failureCode())) {
      organizationId = names.markedBy(context.marker()).orElse(null);
    }
    if (organizationId == null) {
      return StepOutcome.succeeded();
    }
    String rolledBackName = rolledBackName(context);
    List<String> tags = new ArrayList<>(context.request().organization().tagsOrEmpty());
    tags.add(ROLLED_BACK_TAG);
    ninjaOne.changeOrganization(
        organizationId,
        new NinjaOne.OrganizationChange(
            rolledBackName,
            null,
            "REJECT",
            tags,
            Map.of(StepContext.MARKER, context.marker(), "rolledBack", true)));
    context.data().organizationId = organizationId;
    context.data().rolledBackName = rolledBackName;
    return StepOutcome.succeeded(
        new SagaEvent.OrganizationNamed(organizationId, rolledBackName, context.marker()),
        new SagaEvent.CleanupDue(organizationId, cleanupDescription(context, rolledBackName)));
  }

  /**
   * An adopted organization is never renamed or blocked: it gets back the userData and tags it had
   * (the PATCH is the same whether or not the adoption's own PATCH applied).
   */
  private StepOutcome releaseAdopted(StepContext context) {
    NinjaOne.OrganizationState before = context.data().organizationBefore;
    if (before == null) {
      return StepOutcome.succeeded();
    }
    Map<String, Object> userData = new java.util.LinkedHashMap<>(before.userData());
    ninjaOne.changeOrganization(
        before.id(), new NinjaOne.OrganizationChange(null, null, null, before.tags(), userData));
    return StepOutcome.succeeded();
  }

  /** NinjaOne cannot delete organizations: an operator archives the neutralised one. */
  private static String cleanupDescription(StepContext context, String rolledBackName) {
    var locations = context.data().locationIds.keySet();
    return "Onboarding of client "
        + context.request().clientId()
        + " was rolled back ("
        + context.failureCode()
        + "). NinjaOne cannot delete organizations: organization "
        + context.data().organizationId
        + " was renamed to '"
        + rolledBackName
        + "', set to REJECT new devices and tagged "
        + ROLLED_BACK_TAG
        + ". Archive or delete it in the NinjaOne console"
        + (locations.isEmpty() ? "." : ", with its locations " + locations + ".");
  }

  /**
   * These refusals come before this saga's create (or instead of it): there is nothing to look for.
   */
  private static boolean nothingCreated(FailureCode code) {
    return code == FailureCode.NAME_CONFLICT || code == FailureCode.INVALID_POLICY_MAPPING;
  }

  static String rolledBackName(StepContext context) {
    String suffix = " [rolled back " + context.marker().substring(0, 8) + "]";
    String name = context.request().organization().name();
    int room = 200 - suffix.length();
    return (name.length() > room ? name.substring(0, room) : name) + suffix;
  }
}
