package org.msp.onboarding.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msp.onboarding.saga.request.ClientRequest;
import org.msp.onboarding.saga.request.DeploymentPlan;
import org.msp.onboarding.saga.request.RequestType;

/**
 * The parser's rules that need no Kafka: optional headers, text PostgreSQL cannot store, strict
 * text types.
 */
class RequestParserTest {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
  private static final String KEY = "CW-10042";

  private static ValidatorFactory validators;
  private static RequestParser parser;

  @BeforeAll
  static void createParser() {
    // The parameter interpolator needs no Expression Language implementation outside Quarkus.
    validators =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    parser = new RequestParser(JSON, validators.getValidator());
  }

  @AfterAll
  static void closeValidators() {
    validators.close();
  }

  private static ObjectNode event() {
    ObjectNode event = JSON.createObjectNode();
    event.put("eventId", "0b6f3a52-7d4e-4b9e-9a51-5f0c2d7e1a01");
    event.put("clientId", KEY);
    ObjectNode org = event.putObject("organization");
    org.put("name", "Acme Dental Group");
    org.putObject("fields").put("contractType", "Managed");
    org.putArray("locations").addObject().put("name", "Headquarters");
    return event;
  }

  private static byte[] bytes(ObjectNode event) {
    return event.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Header header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String refusal(byte[] value, Header... headers) {
    return assertThrows(
            InvalidRequestException.class, () -> parser.parse(KEY, value, List.of(headers)))
        .getMessage();
  }

  @Test
  void recordWithoutTheOptionalHeadersIsAccepted() {
    assertEquals(KEY, parser.parse(KEY, bytes(event()), List.of()).clientId());
  }

  @Test
  void eventVersionOneAndAJsonContentTypeAreAccepted() {
    List<Header> headers =
        List.of(
            header("eventVersion", "1"),
            header("content-type", "application/json; charset=utf-8"),
            header("Content-Type", "application/cloudevents+json"));
    assertEquals(KEY, parser.parse(KEY, bytes(event()), headers).clientId());
  }

  @Test
  void anotherEventVersionIsRefusedNamingTheHeaderAndItsValue() {
    String reason = refusal(bytes(event()), header("eventVersion", "2"));
    assertTrue(reason.startsWith("header eventVersion is '2'"), reason);
    assertTrue(reason.contains("version 1"), reason);
  }

  @Test
  void eventVersionSentAsABinaryIntegerIsRefusedAsNotText() {
    String reason =
        refusal(
            bytes(event()),
            new RecordHeader("eventVersion", ByteBuffer.allocate(4).putInt(1).array()));
    assertTrue(reason.contains("eventVersion is not text (4 binary bytes)"), reason);
  }

  @Test
  void eventVersionWithoutAValueIsRefused() {
    String reason = refusal(bytes(event()), new RecordHeader("eventVersion", null));
    assertTrue(reason.contains("eventVersion is present without a value"), reason);
  }

  @Test
  void nonJsonContentTypeIsRefusedWhateverTheHeaderNamesCase() {
    assertTrue(
        refusal(bytes(event()), header("content-type", "text/plain"))
            .startsWith("header content-type is 'text/plain'"));
    assertTrue(
        refusal(bytes(event()), header("Content-Type", "application/avro"))
            .startsWith("header Content-Type is"));
  }

  @Test
  void headersAreCheckedBeforeTheBodySoTheReasonNamesTheRootCause() {
    String reason =
        refusal(
            "hello, plain text".getBytes(StandardCharsets.UTF_8),
            header("content-type", "text/plain"));
    assertTrue(reason.contains("content-type"), reason);
  }

  @Test
  void nulCharacterAnywhereInTheStoredRequestIsRefusedWithItsPath() {
    ObjectNode event = event();
    ((ObjectNode) event.get("organization")).put("description", "Managed\u0000client");
    String reason = refusal(bytes(event));
    assertEquals(
        "invalid onboarding request: organization.description must not contain the NUL character (\\u0000)",
        reason);
  }

  @Test
  void nulCharacterInACustomFieldNameIsRefused() {
    ObjectNode event = event();
    ((ObjectNode) event.get("organization").get("fields")).put("contract\u0000Type", "Managed");
    assertTrue(
        refusal(bytes(event))
            .contains("organization.fields has a key that must not contain the NUL character"));
  }

  @Test
  void unpairedSurrogateIsRefusedButAPairIsAnOrdinaryCharacter() {
    String loneSurrogate = event().toString().replace("Acme Dental Group", "Acme \\ud800 Dental");
    String reason = refusal(loneSurrogate.getBytes(StandardCharsets.UTF_8));
    assertTrue(
        reason.contains(
            "organization.name must not contain an unpaired UTF-16 surrogate (\\ud800)"),
        reason);

    String pair = event().toString().replace("Acme Dental Group", "Acme \\ud83d\\ude00 Dental");
    assertEquals(
        "Acme \ud83d\ude00 Dental",
        parser.parse(KEY, pair.getBytes(StandardCharsets.UTF_8), List.of()).organization().name());
  }

  @Test
  void booleanWhereTextBelongsIsRefusedRatherThanBecomingTheText() {
    ObjectNode event = event();
    ((ObjectNode) event.get("organization")).put("name", true);
    String reason = refusal(bytes(event));
    assertTrue(reason.contains("Boolean value") && reason.contains("[\"name\"]"), reason);
  }

  private static ObjectNode withDeployments(String... locationAndType) {
    ObjectNode event = event();
    var deployments = event.putArray("agentDeployments");
    for (String pair : locationAndType) {
      String[] parts = pair.split("/");
      deployments.addObject().put("location", parts[0]).put("installerType", parts[1]);
    }
    return event;
  }

  @Test
  void sameLocationAndInstallerTypeTwiceIsRefusedNamingTheDuplicate() {
    String reason =
        refusal(bytes(withDeployments("Headquarters/WINDOWS_MSI", "Headquarters/WINDOWS_MSI")));
    assertTrue(reason.contains("'Headquarters' with installerType WINDOWS_MSI twice"), reason);
  }

  @Test
  void deploymentsWhoseLocationsDifferOnlyInCaseAreDuplicates() {
    String reason = refusal(bytes(withDeployments("Headquarters/MAC_PKG", "HEADQUARTERS/MAC_PKG")));
    assertTrue(reason.contains("'HEADQUARTERS' with installerType MAC_PKG twice"), reason);
  }

  @Test
  void oneLocationWithTwoInstallerTypesIsAccepted() {
    byte[] event = bytes(withDeployments("Headquarters/WINDOWS_MSI", "Headquarters/MAC_PKG"));
    assertEquals(2, parser.parse(KEY, event, List.of()).agentDeployments().size());
  }

  @Test
  void impliedDeploymentsNameEachLocationAndInstallerTypeOnce() {
    ObjectNode event = event();
    ObjectNode org = (ObjectNode) event.get("organization");
    org.withArray("locations").addObject().put("name", "Branch");
    var policies = org.putArray("policies");
    for (int role = 1; role <= 5; role++) {
      policies.addObject().put("nodeRoleId", role).put("policyId", 100 + role);
    }
    var request = parser.parse(KEY, bytes(event), List.of());
    var productNoteRoles =
        java.util.Map.of(
            1L,
            "WINDOWS_WORKSTATION",
            2L,
            "WINDOWS_SERVER",
            3L,
            "MAC",
            4L,
            "LINUX_WORKSTATION",
            5L,
            "LINUX_SERVER");
    List<String> keys =
        DeploymentPlan.planned(request, productNoteRoles).stream().map(d -> d.key()).toList();
    assertEquals(
        List.of(
            "Headquarters|WINDOWS_MSI",
            "Headquarters|MAC_PKG",
            "Headquarters|LINUX_DEB",
            "Branch|WINDOWS_MSI",
            "Branch|MAC_PKG",
            "Branch|LINUX_DEB"),
        keys,
        "roles 1, 2 and 4, 5 share an installer");
  }

  @Test
  void aRequestWithoutTypeOrOfTheOnboardingTypeIsAnOnboardingRequest() {
    assertEquals("Acme Dental Group", parser.parse(KEY, bytes(event())).organization().name());
    ObjectNode typed = event();
    typed.put("type", "ClientOnboardingRequested");
    assertEquals("Acme Dental Group", parser.parse(KEY, bytes(typed)).organization().name());
  }

  @Test
  void anUpdateCarriesTheWholeDesiredStateLikeAnOnboarding() {
    ObjectNode updated = event();
    updated.put("type", "ClientUpdated");
    ClientRequest request = parser.parse(KEY, bytes(updated));
    assertEquals(RequestType.UPDATE, request.requestType());
    assertEquals("Acme Dental Group", request.organization().name());
    updated.remove("organization");
    assertTrue(
        refusal(bytes(updated))
            .startsWith("invalid update request (ClientUpdated): organization must not be null"));
  }

  @Test
  void anOffboardingNeedsNoOrganizationAndKeepsItsReason() {
    ObjectNode offboarded = JSON.createObjectNode();
    offboarded.put("eventId", "evt-off-1");
    offboarded.put("clientId", KEY);
    offboarded.put("type", "ClientOffboarded");
    offboarded.put("occurredAt", "2026-12-01T10:00:00Z");
    offboarded.put("reason", "contract ended");
    ClientRequest request = parser.parse(KEY, bytes(offboarded));
    assertEquals(RequestType.OFFBOARDING, request.requestType());
    assertEquals("contract ended", request.reason());
  }

  @Test
  void onlyAnOnboardingMayNameAnOrganizationToAdopt() {
    ObjectNode updated = event();
    updated.put("type", "ClientUpdated");
    ((ObjectNode) updated.get("organization")).put("ninjaOneOrganizationId", 42);
    assertTrue(refusal(bytes(updated)).contains("is for onboarding requests only"));
    ObjectNode negative = event();
    ((ObjectNode) negative.get("organization")).put("ninjaOneOrganizationId", -1);
    assertTrue(refusal(bytes(negative)).contains("organization.ninjaOneOrganizationId"));
  }

  @Test
  void anUnknownOrNonTextTypeIsRefused() {
    ObjectNode unknown = event();
    unknown.put("type", "ClientRenamed");
    assertTrue(refusal(bytes(unknown)).startsWith("unknown type 'ClientRenamed'"));
    ObjectNode number = event();
    number.put("type", 3);
    assertTrue(refusal(bytes(number)).contains("type"), refusal(bytes(number)));
  }
}
