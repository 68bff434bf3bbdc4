package org.msp.onboarding.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every reason the parser gives has its stable code. When a reason is reworded so that its code is
 * lost (OTHER), this test says which: update the openings in DeadLetterReasonCode.
 */
class DeadLetterReasonCodeTest {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
  private static final String KEY = "CW-1";

  private static ValidatorFactory validators;
  private static RequestParser parser;

  @BeforeAll
  static void createParser() {
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
    event.put("eventId", "e-1");
    event.put("clientId", KEY);
    event.putObject("organization").put("name", "Acme");
    return event;
  }

  private static String codeOf(String key, byte[] value, Header... headers) {
    String reason =
        assertThrows(
                InvalidRequestException.class, () -> parser.parse(key, value, List.of(headers)))
            .getMessage();
    return DeadLetterReasonCode.of(reason);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void eachKindOfInvalidRecordHasItsCode() {
    ObjectNode noName = event();
    ((ObjectNode) noName.get("organization")).remove("name");
    ObjectNode unknown = event().put("type", "Whatever");
    ObjectNode updateWithoutName = event().put("type", "ClientUpdated");
    ((ObjectNode) updateWithoutName.get("organization")).remove("name");

    assertEquals("EMPTY_RECORD", codeOf(KEY, null));
    assertEquals("EMPTY_RECORD", codeOf(KEY, utf8("  ")));
    assertEquals("EMPTY_RECORD", codeOf(KEY, utf8("null")));
    assertEquals("TOO_LARGE", codeOf(KEY, new byte[RequestParser.MAX_BYTES + 1]));
    assertEquals("NOT_JSON", codeOf(KEY, utf8("this is not JSON {")));
    assertEquals("NOT_JSON", codeOf(KEY, new byte[] {(byte) 0xc3, (byte) 0x28}));
    assertEquals("KEY_MISMATCH", codeOf("CW-2", utf8(event().toString())));
    assertEquals("UNSUPPORTED_TYPE", codeOf(KEY, utf8(unknown.toString())));
    assertEquals(
        "BAD_HEADER",
        codeOf(KEY, utf8(event().toString()), new RecordHeader("eventVersion", utf8("2"))));
    assertEquals("INVALID_REQUEST", codeOf(KEY, utf8(noName.toString())));
    assertEquals("INVALID_REQUEST", codeOf(KEY, utf8(updateWithoutName.toString())));
  }

  @Test
  void aReasonThatStartsWithACodeKeepsIt() {
    assertEquals(
        "CLIENT_OFFBOARDED", DeadLetterReasonCode.of("CLIENT_OFFBOARDED: client x was offboarded"));
    assertEquals("CLIENT_BUSY", DeadLetterReasonCode.of("CLIENT_BUSY: client x already has..."));
    assertEquals("SOME_NEW_CODE", DeadLetterReasonCode.of("SOME_NEW_CODE: said so"));
  }

  @Test
  void anUnknownOrMissingReasonIsOther() {
    assertEquals("OTHER", DeadLetterReasonCode.of(null));
    assertEquals("OTHER", DeadLetterReasonCode.of("something went wrong"));
    assertTrue(DeadLetterReasonCode.ALL.contains(DeadLetterReasonCode.OTHER));
  }
}
