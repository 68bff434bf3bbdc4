package org.msp.onboarding.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath for the competitors' child JVMs: this build's test and main classes plus the test
 * dependencies.
 */
final class Classpath {
  private Classpath() {}

  /**
   * Built from the files the build leaves in target/ rather than from java.class.path, which under
   * Failsafe is a manifest-only jar that vanishes with the test JVM.
   */
  static String forChildren() {
    Path list = Path.of("target", "test-classpath.txt");
    try {
      String dependencies = Files.readString(list).trim();
      return Path.of("target", "test-classes").toAbsolutePath()
          + File.pathSeparator
          + Path.of("target", "classes").toAbsolutePath()
          + File.pathSeparator
          + dependencies;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no " + list.toAbsolutePath() + "; build first (./mvnw verify -DskipTests)", e);
    }
  }
}
