package org.msp.onboarding.harness.tools;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link RequiresTool}: runs, skips with the install line, or fails in required mode. */
public final class RequiredToolCondition implements ExecutionCondition {
  /**
   * {@code -Dtools.required=true}: a missing tool fails the build instead of skipping checks (CI).
   */
  public static final String REQUIRED_PROPERTY = "tools.required";

  /**
   * Starts every skip reason of this condition, so that {@link MissingToolsReport} can pick them
   * out.
   */
  static final String SKIP_PREFIX = "missing tool: ";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<Tool> needed =
        context
            .getElement()
            .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresTool.class))
            .map(annotation -> Arrays.asList(annotation.value()))
            .orElse(List.of());
    List<Tool> missing = needed.stream().filter(tool -> tool.find().isEmpty()).toList();
    return verdict(missing, Boolean.getBoolean(REQUIRED_PROPERTY));
  }

  static ConditionEvaluationResult verdict(List<Tool> missing, boolean required) {
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("required tools are on the PATH");
    }
    String lines = missing.stream().map(Tool::missing).collect(Collectors.joining(" | "));
    if (required) {
      // Thrown, not skipped: JUnit reports the test as failed with this message.
      throw new IllegalStateException(
          lines + " (" + REQUIRED_PROPERTY + "=true: a missing tool is a failure)");
    }
    return ConditionEvaluationResult.disabled(SKIP_PREFIX + lines);
  }
}
