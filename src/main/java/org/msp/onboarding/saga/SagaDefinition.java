package org.msp.onboarding.saga;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A saga type's declared step list: the order is the definition (the rollback runs it backwards).
 *
 * <ul>
 *   <li>{@code checkpoint(s)} before {@code step(s)}: what s's rollback needs is read at the end of
 *       the previous step's run and saved in its commit; if it was not (that step was skipped), s
 *       takes it in a run of its own first.
 *   <li>{@code step(s).withPrevious()}: when the step before s succeeded, s runs at once and both
 *       outcomes are recorded in one commit. Only for steps safe to run again after a lost outcome,
 *       after a step that is too: a crash before the commit runs both again.
 * </ul>
 */
public final class SagaDefinition {

  /** Onboarding: a new client's organization, its sites, policies, fields and agent installers. */
  public static final SagaDefinition ONBOARDING =
      named("ClientOnboardingRequested")
          .step(StepName.CREATE_ORGANIZATION)
          // a lost create is found by its marker; a location added twice answers 409 and is found
          .step(StepName.ADD_LOCATIONS)
          .withPrevious()
          // an adopted organization's mapping before the write, for the rollback (a created one
          // had none: nothing is read)
          .checkpoint(StepName.MAP_POLICIES)
          .step(StepName.MAP_POLICIES)
          // the field values before the write, for the rollback: read with step 3, saved in its
          // commit
          .checkpoint(StepName.SET_CUSTOM_FIELDS)
          .step(StepName.SET_CUSTOM_FIELDS)
          // the PATCH writes the same values again; installer links are made again
          .step(StepName.RECORD_AGENT_DEPLOYMENTS)
          .withPrevious()
          // a POST that makes new checklists: a commit of its own, found again after a lost answer
          .step(StepName.ADD_CHECKLISTS)
          .build();

  /**
   * Update: brings the client's organization to the request's desired state. Every step reads what
   * it changes before it writes (saved in a commit first), so the rollback restores it.
   */
  public static final SagaDefinition UPDATE =
      named("ClientUpdated")
          .step(StepName.UPDATE_ORGANIZATION)
          .step(StepName.UPDATE_LOCATIONS)
          .checkpoint(StepName.MAP_POLICIES)
          .step(StepName.MAP_POLICIES)
          .checkpoint(StepName.SET_CUSTOM_FIELDS)
          .step(StepName.SET_CUSTOM_FIELDS)
          .step(StepName.RECORD_AGENT_DEPLOYMENTS)
          .withPrevious()
          .build();

  /** Offboarding: the organization stops taking devices and policies; an operator retires it. */
  public static final SagaDefinition OFFBOARDING =
      named("ClientOffboarded")
          .step(StepName.MARK_OFFBOARDED)
          .checkpoint(StepName.CLEAR_POLICIES)
          .step(StepName.CLEAR_POLICIES)
          // no NinjaOne call: its events are written in the commit of the mapping's removal
          .step(StepName.CLOSE_DEPLOYMENTS)
          .withPrevious()
          .build();

  /** Every saga type this service runs. */
  public static final List<SagaDefinition> ALL = List.of(ONBOARDING, UPDATE, OFFBOARDING);

  private final String type;
  private final List<StepName> steps;
  private final Set<StepName> checkpointed;
  private final Set<StepName> withPrevious;

  private SagaDefinition(
      String type, List<StepName> steps, Set<StepName> checkpointed, Set<StepName> withPrevious) {
    this.type = type;
    this.steps = List.copyOf(steps);
    this.checkpointed = checkpointed;
    this.withPrevious = withPrevious;
  }

  /** The saga type, as requests name it. */
  public String type() {
    return type;
  }

  public List<StepName> steps() {
    return steps;
  }

  /** True when the step must save a checkpoint (what its rollback needs) before it writes. */
  public boolean hasCheckpoint(StepName step) {
    return checkpointed.contains(step);
  }

  /** True when the step runs right after the previous one, recorded in its commit. */
  public boolean runsWithPrevious(StepName step) {
    return withPrevious.contains(step);
  }

  /** The step after this one, if any. */
  public Optional<StepName> after(StepName step) {
    int at = steps.indexOf(step);
    return at >= 0 && at + 1 < steps.size() ? Optional.of(steps.get(at + 1)) : Optional.empty();
  }

  public static Builder named(String type) {
    return new Builder(type);
  }

  /** Steps in order; {@code checkpoint(s)} must come right before {@code step(s)}. */
  public static final class Builder {
    private final String type;
    private final List<StepName> steps = new ArrayList<>();
    private final Set<StepName> checkpointed = EnumSet.noneOf(StepName.class);
    private final Set<StepName> withPrevious = EnumSet.noneOf(StepName.class);
    private StepName pendingCheckpoint;

    private Builder(String type) {
      this.type = type;
    }

    public Builder step(StepName step) {
      if (steps.contains(step)) {
        throw new IllegalArgumentException(step + " is declared twice in " + type);
      }
      if (pendingCheckpoint != null && pendingCheckpoint != step) {
        throw new IllegalArgumentException(
            "the checkpoint of " + pendingCheckpoint + " must come right before it in " + type);
      }
      pendingCheckpoint = null;
      steps.add(step);
      return this;
    }

    /** The step just declared shares the previous step's commit (see the class comment). */
    public Builder withPrevious() {
      StepName last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
      if (steps.size() < 2) {
        throw new IllegalArgumentException("withPrevious needs a step before " + last);
      }
      if (checkpointed.contains(last)) {
        throw new IllegalArgumentException(
            last + " has a checkpoint: it must be saved in a commit before the step writes");
      }
      withPrevious.add(last);
      return this;
    }

    public Builder checkpoint(StepName step) {
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("a checkpoint needs a step before it in " + type);
      }
      pendingCheckpoint = step;
      checkpointed.add(step);
      return this;
    }

    public SagaDefinition build() {
      if (pendingCheckpoint != null) {
        throw new IllegalArgumentException(
            "the checkpoint of " + pendingCheckpoint + " has no step in " + type);
      }
      return new SagaDefinition(
          type, steps, EnumSet.copyOf(checkpointed), EnumSet.copyOf(withPrevious));
    }
  }
}
