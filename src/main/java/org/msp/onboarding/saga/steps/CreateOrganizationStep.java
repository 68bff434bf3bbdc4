package org.msp.onboarding.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.msp.onboarding.saga.FailureCode;
import org.msp.onboarding.saga.NinjaOne;
import org.msp.onboarding.saga.RemoteCallException;
import org.msp.onboarding.saga.SagaStep;
import org.msp.onboarding.saga.StepContext;
import org.msp.onboarding.saga.StepName;
import org.msp.onboarding.saga.StepOutcome;
import org.msp.onboarding.saga.request.OnboardingRequest;
import org.msp.onboarding.saga.request.OrganizationRequest;

/**
 * Step 1. NinjaOne has no idempotency key, so a create whose answer was lost may have happened: every run
 * after the first looks the name up and adopts an organization carrying this saga's marker.
 */
@ApplicationScoped
public class CreateOrganizationStep implements SagaStep {
  static final String ROLLED_BACK_TAG = "onboarding-rolled-back";

  private final NinjaOne ninjaOne;

  public CreateOrganizationStep(NinjaOne ninjaOne) {
    this.ninjaOne = ninjaOne;
  }

  @Override
  public StepName name() {
    return StepName.CREATE_ORGANIZATION;
  }

  @Override
  public boolean hasWork(OnboardingRequest request) {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    if (context.data().organizationId != null) {
      return StepOutcome.succeeded();
    }
    Optional<String> refusal = TenantMappingCheck.refusal(context.request(), ninjaOne);
    if (refusal.isPresent()) {
      return new StepOutcome.Failed(FailureCode.INVALID_POLICY_MAPPING, refusal.get() + "; nothing was created");
    }
    String name = context.request().organization().name();
    if (context.mayHaveRunBefore()) {
      Optional<StepOutcome> adopted = adoptOrRefuse(context, name);
      if (adopted.isPresent()) {
        return adopted.get();
      }
    }
    try {
      context.data().organizationId = ninjaOne.createOrganization(newOrganization(context));
      return StepOutcome.succeeded();
    } catch (RemoteCallException e) {
      if (e.kind() != RemoteCallException.Kind.CONFLICT) {
        return e.toOutcome();
      }
      return adoptOrRefuse(context, name).orElse(e.toOutcome());
    }
  }

  /** Adopts this saga's own organization, or refuses a foreign one without touching it. */
  private Optional<StepOutcome> adoptOrRefuse(StepContext context, String name) {
    Optional<NinjaOne.Organization> existing = ninjaOne.findOrganizationByName(name);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    if (isOurs(existing.get(), context)) {
      context.data().organizationId = existing.get().id();
      return Optional.of(StepOutcome.succeeded());
    }
    return Optional.of(
        new StepOutcome.Failed(
            FailureCode.NAME_CONFLICT,
            "organization '" + name + "' already exists in NinjaOne (id " + existing.get().id()
                + ") and was not created by this saga; it was left untouched"));
  }

  static boolean isOurs(NinjaOne.Organization organization, StepContext context) {
    Map<String, Object> userData = organization.userData();
    return userData != null && context.marker().equals(String.valueOf(userData.get(StepContext.MARKER)));
  }

  private static NinjaOne.NewOrganization newOrganization(StepContext context) {
    OrganizationRequest org = context.request().organization();
    return new NinjaOne.NewOrganization(
        org.name(), org.description(), org.approvalModeOrDefault(), org.tagsOrEmpty(),
        Map.of(StepContext.MARKER, context.marker()));
  }

  /**
   * Neutralises the organization with one PATCH: renamed so its name is free again, no device may join, and
   * tagged for the operator's clean-up. A NAME_CONFLICT saga never owned one, so it touches nothing.
   */
  @Override
  public StepOutcome compensate(StepContext context) {
    Long organizationId = context.data().organizationId;
    if (organizationId == null && !nothingCreated(context.failureCode())) {
      organizationId = findOurs(context).orElse(null);
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
            rolledBackName, "REJECT", tags, Map.of(StepContext.MARKER, context.marker(), "rolledBack", true)));
    context.data().organizationId = organizationId;
    context.data().rolledBackName = rolledBackName;
    return StepOutcome.succeeded();
  }

  /** These refusals come before this saga's create (or instead of it): there is nothing to look for. */
  private static boolean nothingCreated(FailureCode code) {
    return code == FailureCode.NAME_CONFLICT || code == FailureCode.INVALID_POLICY_MAPPING;
  }

  /** A create whose answer was lost may still have made our organization. */
  private Optional<Long> findOurs(StepContext context) {
    return ninjaOne
        .findOrganizationByName(context.request().organization().name())
        .filter(org -> isOurs(org, context))
        .map(NinjaOne.Organization::id);
  }

  static String rolledBackName(StepContext context) {
    String suffix = " [rolled back " + context.marker().substring(0, 8) + "]";
    String name = context.request().organization().name();
    int room = 200 - suffix.length();
    return (name.length() > room ? name.substring(0, room) : name) + suffix;
  }
}
