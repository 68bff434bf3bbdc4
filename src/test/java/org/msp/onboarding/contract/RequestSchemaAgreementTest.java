package org.msp.onboarding.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.msp.onboarding.it.BadInputSamples;
import org.msp.onboarding.messaging.InvalidRequestException;
import org.msp.onboarding.messaging.RequestParser;

/**
 * The request schemas are the truth about what the service takes: for every sample (the bad-input
 * catalogue, every request example, and the edge cases of {@link RequestSamples}) the schema and
 * the service's parser give the same answer (the known parser leniencies of {@link
 * RequestSamples#knownParserLeniencies()} are reported as skipped while the parser takes them). A
 * refusal the schema cannot express must be one of the AsyncAPI document's rules beyond the schema;
 * the other way round (the schema refuses what the parser takes) always fails.
 */
class RequestSchemaAgreementTest {
  private static ValidatorFactory validators;
  private static RequestParser parser;

  @BeforeAll
  static void createParser() {
    validators =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    parser =
        new RequestParser(
            new ObjectMapper().registerModule(new JavaTimeModule()), validators.getValidator());
  }

  @AfterAll
  static void closeValidators() {
    validators.close();
  }

  static Stream<Arguments> samples() {
    Stream<RequestSamples.Sample> catalogue =
        BadInputSamples.all().stream()
            .map(s -> new RequestSamples.Sample("catalogue: " + s.name(), s.value()));
    return Stream.of(
            catalogue,
            RequestSamples.examples().stream(),
            RequestSamples.edges().stream(),
            RequestSamples.jacksonLeniencies().stream())
        .flatMap(s -> s)
        .map(s -> Arguments.of(Named.of(s.name(), s.value())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void schemaAndParserGiveTheSameAnswer(byte[] value) {
    Optional<String> contract = RequestContract.refusal(value);
    Optional<String> service = parserRefusal(value);
    if (service.isEmpty() && contract.isPresent()) {
      fail("the service accepts what the schema refuses: " + contract.get());
    }
    if (service.isPresent() && contract.isEmpty()) {
      List<RequestContract.Rule> rules = RequestContract.rulesBeyondTheSchema();
      assertTrue(
          rules.stream().anyMatch(r -> service.get().contains(r.reason())),
          "the service refuses what the schema accepts, for a reason no rule beyond the schema"
              + " names: "
              + service.get());
    }
  }

  /**
   * The parser's refusal of the value, read from a record keyed as the contract asks (by the
   * clientId): the key rule is the AsyncAPI document's, not the payload schema's.
   */
  private static Optional<String> parserRefusal(byte[] value) {
    String key =
        RequestContract.json(value)
            .map(json -> json.path("clientId"))
            .filter(JsonNode::isTextual)
            .map(JsonNode::textValue)
            .orElse("no-client-id");
    try {
      parser.parse(key, value, List.of());
      return Optional.empty();
    } catch (InvalidRequestException e) {
      return Optional.of(e.getMessage());
    }
  }
}
