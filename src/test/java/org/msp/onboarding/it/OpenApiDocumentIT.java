package org.msp.onboarding.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the running service serves is the committed one, {@code
 * src/main/openapi/openapi.json}: an API change shows up in review as a change of that file, and a
 * change that forgot it fails here.
 *
 * <p>After changing the API, write the served document to the committed file (keys sorted, two
 * spaces, so the diff shows only what changed) and commit it:
 *
 * <pre>
 * ./mvnw verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=OpenApiDocumentIT -Dfailsafe.failIfNoSpecifiedTests=false -Dopenapi.write=true
 * </pre>
 */
class OpenApiDocumentIT {
  static final Path COMMITTED = Path.of("src/main/openapi/openapi.json");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Test
  void servedDocumentIsTheCommittedOne() throws IOException {
    String served =
        canonical(
            TestStack.get()
                .anonymous()
                .accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    if (Boolean.getBoolean("openapi.write")) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
    }

    assertEquals(
        Files.readString(COMMITTED, StandardCharsets.UTF_8),
        served,
        "the served OpenAPI document differs from "
            + COMMITTED
            + ": rerun this test with -Dopenapi.write=true and commit the file (see its Javadoc)");
  }

  /** Keys sorted at every level, two-space indent, \n line ends, a final newline. */
  static String canonical(String json) throws IOException {
    Object tree = JSON.readValue(json, Object.class);
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return JSON.writer(printer).writeValueAsString(tree) + "\n";
  }
}
