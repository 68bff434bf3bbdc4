package org.msp.onboarding.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.saga.Admission.ClientStanding;
import org.msp.onboarding.saga.Admission.Completed;
import org.msp.onboarding.saga.request.ClientRequest;

class AdmissionTest {
  private static final ClientRequest ONBOARDING = SagaSimulation.request("Acme");
  private static final Completed ONBOARDED =
      new Completed(UUID.randomUUID(), "ClientOnboardingRequested", 7L, "Acme", List.of("gold"));

  private static ClientRequest typed(String type) {
    ClientRequest r = ONBOARDING;
    return new ClientRequest(
        type,
        r.eventId(),
        r.clientId(),
        null,
        null,
        "ClientOffboarded".equals(type) ? null : r.organization(),
        null,
        "ClientOffboarded".equals(type) ? "contract ended" : null,
        null);
  }

  @Test
  void aNewClientsOnboardingStartsAnOnboarding() {
    var start =
        assertInstanceOf(Admission.Start.class, Admission.decide(ONBOARDING, ClientStanding.NEW));
    assertEquals("ClientOnboardingRequested", start.sagaType());
    assertEquals(null, start.organizationId());
  }

  @Test
  void anyRequestOfABusyClientWaitsItsTurn() {
    for (String type : List.of("ClientOnboardingRequested", "ClientUpdated", "ClientOffboarded")) {
      assertInstanceOf(
          Admission.Queue.class,
          Admission.decide(typed(type), new ClientStanding(true, ONBOARDED)),
          type);
    }
  }

  @Test
  void aSecondOnboardingUpdatesTheClientsOrganizationInsteadOfCreatingAnother() {
    var start =
        assertInstanceOf(
            Admission.Start.class,
            Admission.decide(ONBOARDING, new ClientStanding(false, ONBOARDED)));
    assertEquals("ClientUpdated", start.sagaType());
    assertEquals(7L, start.organizationId());
    assertEquals(List.of("gold"), start.managedTags());
  }

  @Test
  void anUpdateOrOffboardingActsOnTheOrganizationOfTheLastCompletedSaga() {
    var standing = new ClientStanding(false, ONBOARDED);
    var update =
        assertInstanceOf(Admission.Start.class, Admission.decide(typed("ClientUpdated"), standing));
    assertEquals("ClientUpdated", update.sagaType());
    assertEquals(7L, update.organizationId());
    var offboarding =
        assertInstanceOf(
            Admission.Start.class, Admission.decide(typed("ClientOffboarded"), standing));
    assertEquals("ClientOffboarded", offboarding.sagaType());
    assertEquals("Acme", offboarding.organizationName());
  }

  @Test
  void anUpdateOrOffboardingOfAClientNeverOnboardedIsRefused() {
    for (String type : List.of("ClientUpdated", "ClientOffboarded")) {
      var refuse =
          assertInstanceOf(
              Admission.Refuse.class, Admission.decide(typed(type), ClientStanding.NEW));
      assertEquals("NOT_ONBOARDED", refuse.code());
    }
  }

  @Test
  void anOffboardedClientIsNeitherOffboardedTwiceNorChanged() {
    var offboarded =
        new ClientStanding(
            false, new Completed(UUID.randomUUID(), "ClientOffboarded", 7L, "Acme", null));
    assertEquals(
        "ALREADY_OFFBOARDED",
        assertInstanceOf(
                Admission.Refuse.class, Admission.decide(typed("ClientOffboarded"), offboarded))
            .code());
    assertEquals(
        "CLIENT_OFFBOARDED",
        assertInstanceOf(
                Admission.Refuse.class, Admission.decide(typed("ClientUpdated"), offboarded))
            .code());
  }
}
