package org.msp.onboarding.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.OrganizationRequest;

class TemplateChoiceTest {
  private static final TemplateChoice BY_CONTRACT =
      new TemplateChoice(
          Optional.of("contractType"),
          Optional.of("Managed=12; Co-managed=13"),
          Optional.of("Managed=4,5;Co-managed=6"));

  private static ClientRequest request(String contract, Long template, List<Long> checklists) {
    return new ClientRequest(
        null,
        "e",
        "c",
        null,
        null,
        new OrganizationRequest(
            "Acme",
            null,
            null,
            null,
            contract == null ? null : Map.of("contractType", contract),
            null,
            null,
            null,
            template),
        null,
        null,
        checklists);
  }

  @Test
  void theFieldsValuePicksTheTemplateOrganizationAndChecklists() {
    ClientRequest chosen = BY_CONTRACT.apply(request("Managed", null, null));
    assertEquals(12L, chosen.organization().templateOrganizationId());
    assertEquals(List.of(4L, 5L), chosen.checklistTemplateIds());
  }

  @Test
  void whatTheRequestNamesItselfWins() {
    ClientRequest chosen = BY_CONTRACT.apply(request("Managed", 99L, List.of(1L)));
    assertEquals(99L, chosen.organization().templateOrganizationId());
    assertEquals(List.of(1L), chosen.checklistTemplateIds());
  }

  @Test
  void aValueWithoutTemplatesOrNoSettingLeavesTheRequestAlone() {
    ClientRequest unmapped = request("Break-fix", null, null);
    assertSame(unmapped, BY_CONTRACT.apply(unmapped));
    ClientRequest any = request("Managed", null, null);
    assertSame(
        any, new TemplateChoice(Optional.empty(), Optional.empty(), Optional.empty()).apply(any));
  }

  @Test
  void aMalformedSettingStopsTheStart() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new TemplateChoice(Optional.of("x"), Optional.of("Managed"), Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TemplateChoice(Optional.of("x"), Optional.of("Managed=1,2"), Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TemplateChoice(Optional.of("x"), Optional.empty(), Optional.of("Managed=a")));
  }
}
