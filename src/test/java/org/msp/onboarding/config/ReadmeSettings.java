package org.msp.onboarding.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings table of the README's "Configuration" section: environment variable names with their
 * documented defaults. A row may name several variables ({@code A_B_C} / {@code _D} stands for
 * A_B_C and A_B_D); its default is then not compared, being shared.
 */
final class ReadmeSettings {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  /** One variable of the table; {@code defaultValue} only for single-variable rows. */
  record Row(String variable, Optional<String> defaultValue) {}

  private ReadmeSettings() {}

  static Map<String, Row> parse(String readme) {
    int start = readme.indexOf("\n## Configuration\n");
    if (start < 0) {
      throw new AssertionError("README has no \"## Configuration\" section");
    }
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : section.lines().toList()) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.split("\\|");
      List<String> variables = variables(cells[1]);
      Optional<String> defaultValue =
          variables.size() == 1 ? firstCode(cells[2].strip()) : Optional.empty();
      for (String variable : variables) {
        if (rows.put(variable, new Row(variable, defaultValue)) != null) {
          throw new AssertionError("README lists " + variable + " twice");
        }
      }
    }
    return rows;
  }

  /** The environment form of a property name, as Quarkus maps it. */
  static String environmentName(String property) {
    return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private static List<String> variables(String cell) {
    List<String> names = new ArrayList<>();
    Matcher code = CODE.matcher(cell);
    while (code.find()) {
      String name = code.group(1);
      if (name.startsWith("_") && !names.isEmpty()) {
        String first = names.get(0);
        name = first.substring(0, first.lastIndexOf('_')) + name;
      }
      names.add(name);
    }
    return names;
  }

  /** The cell's value when it starts with one in backticks ("`PT1S`", "`0` (no limit)"). */
  private static Optional<String> firstCode(String cell) {
    Matcher code = CODE.matcher(cell);
    return cell.startsWith("`") && code.find() ? Optional.of(code.group(1)) : Optional.empty();
  }
}
