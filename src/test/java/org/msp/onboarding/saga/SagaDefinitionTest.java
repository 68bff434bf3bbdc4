package org.msp.onboarding.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SagaDefinitionTest {

  @Test
  void onboardingRunsItsStepsInTheDeclaredOrder() {
    SagaDefinition onboarding = SagaDefinition.ONBOARDING;
    assertEquals("ClientOnboardingRequested", onboarding.type());
    assertEquals(
        List.of(
            StepName.CREATE_ORGANIZATION,
            StepName.ADD_LOCATIONS,
            StepName.MAP_POLICIES,
            StepName.SET_CUSTOM_FIELDS,
            StepName.RECORD_AGENT_DEPLOYMENTS,
            StepName.ADD_CHECKLISTS),
        onboarding.steps());
    assertEquals(Optional.of(StepName.MAP_POLICIES), onboarding.after(StepName.ADD_LOCATIONS));
    assertEquals(Optional.empty(), onboarding.after(StepName.ADD_CHECKLISTS));
  }

  @Test
  void onboardingDeclaresItsCheckpointsAndItsSharedCommits() {
    SagaDefinition onboarding = SagaDefinition.ONBOARDING;
    assertTrue(onboarding.hasCheckpoint(StepName.SET_CUSTOM_FIELDS));
    // taken only for an adopted organization: a created one had no mapping
    assertTrue(onboarding.hasCheckpoint(StepName.MAP_POLICIES));
    assertFalse(onboarding.hasCheckpoint(StepName.ADD_LOCATIONS));
    assertTrue(onboarding.runsWithPrevious(StepName.ADD_LOCATIONS));
    assertTrue(onboarding.runsWithPrevious(StepName.RECORD_AGENT_DEPLOYMENTS));
    assertFalse(onboarding.runsWithPrevious(StepName.SET_CUSTOM_FIELDS));
    assertFalse(onboarding.runsWithPrevious(StepName.CREATE_ORGANIZATION));
  }

  @Test
  void updateAndOffboardingSaveWhatTheyReplaceBeforeWritingIt() {
    assertTrue(SagaDefinition.UPDATE.hasCheckpoint(StepName.MAP_POLICIES));
    assertTrue(SagaDefinition.UPDATE.hasCheckpoint(StepName.SET_CUSTOM_FIELDS));
    assertTrue(SagaDefinition.OFFBOARDING.hasCheckpoint(StepName.CLEAR_POLICIES));
    assertTrue(SagaDefinition.OFFBOARDING.runsWithPrevious(StepName.CLOSE_DEPLOYMENTS));
    assertEquals(
        List.of("ClientOnboardingRequested", "ClientUpdated", "ClientOffboarded"),
        SagaDefinition.ALL.stream().map(SagaDefinition::type).toList());
  }

  @Test
  void aCheckpointMustComeRightBeforeItsStep() {
    SagaDefinition.Builder builder =
        SagaDefinition.named("t")
            .step(StepName.CREATE_ORGANIZATION)
            .checkpoint(StepName.SET_CUSTOM_FIELDS);
    assertThrows(IllegalArgumentException.class, () -> builder.step(StepName.MAP_POLICIES));
  }

  @Test
  void aStepWithACheckpointNeverSharesTheCommitBeforeIt() {
    SagaDefinition.Builder builder =
        SagaDefinition.named("t")
            .step(StepName.MAP_POLICIES)
            .checkpoint(StepName.SET_CUSTOM_FIELDS)
            .step(StepName.SET_CUSTOM_FIELDS);
    assertThrows(IllegalArgumentException.class, builder::withPrevious);
  }

  @Test
  void theFirstStepHasNoCommitToShare() {
    SagaDefinition.Builder builder = SagaDefinition.named("t").step(StepName.CREATE_ORGANIZATION);
    assertThrows(IllegalArgumentException.class, builder::withPrevious);
  }

  @Test
  void aStepIsDeclaredOnce() {
    SagaDefinition.Builder builder = SagaDefinition.named("t").step(StepName.CREATE_ORGANIZATION);
    assertThrows(IllegalArgumentException.class, () -> builder.step(StepName.CREATE_ORGANIZATION));
  }
}
