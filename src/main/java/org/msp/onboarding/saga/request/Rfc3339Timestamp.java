package org.msp.onboarding.saga.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * occurredAt as the published contract has it: an RFC 3339 date-time with seconds and an offset
 * ("2026-11-28T09:00:00Z"). Jackson alone would also take epoch numbers, digits and shortened
 * forms, which publishers then rely on.
 */
public class Rfc3339Timestamp extends JsonDeserializer<OffsetDateTime> {
  private static final Pattern FORM =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

  @Override
  public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING
        || !FORM.matcher(parser.getText()).matches()) {
      return refuse(parser, context);
    }
    try {
      return OffsetDateTime.parse(parser.getText().toUpperCase(java.util.Locale.ROOT));
    } catch (DateTimeParseException e) {
      return refuse(parser, context);
    }
  }

  private static OffsetDateTime refuse(JsonParser parser, DeserializationContext context)
      throws IOException {
    return (OffsetDateTime)
        context.handleWeirdStringValue(
            OffsetDateTime.class,
            parser.getValueAsString(),
            "must be an RFC 3339 date-time with seconds and an offset, e.g. 2026-11-28T09:00:00Z");
  }
}
