package org.msp.onboarding.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The contract's files on the classpath, by name: only these are served. */
public final class ContractDocuments {
  /** Where the files are, in the sources ({@code src/main/resources/}) and on the classpath. */
  public static final String FOLDER = "contract";

  public static final String ASYNCAPI = "asyncapi.yaml";

  /** Every JSON Schema of the contract; a unit test holds this list to the folder's content. */
  public static final List<String> SCHEMAS =
      List.of(
          "request.schema.json",
          "client-onboarding-requested.schema.json",
          "client-updated.schema.json",
          "client-offboarded.schema.json",
          "status-event.schema.json",
          "saga-started.schema.json",
          "step-succeeded.schema.json",
          "agent-deployment-task-recorded.schema.json",
          "saga-completed.schema.json",
          "saga-compensated.schema.json",
          "saga-failed.schema.json",
          "definitions.schema.json");

  private ContractDocuments() {}

  public static List<String> all() {
    return Stream.concat(Stream.of(ASYNCAPI), SCHEMAS.stream()).toList();
  }

  /** The named file's bytes; empty for a name that is not one of the contract's files. */
  public static Optional<byte[]> read(String name) {
    if (!all().contains(name)) {
      return Optional.empty();
    }
    try (InputStream in =
        ContractDocuments.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name)) {
      if (in == null) {
        throw new IllegalStateException("contract file missing from the build: " + name);
      }
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String mediaType(String name) {
    return name.endsWith(".yaml") ? "application/yaml" : "application/schema+json";
  }
}
