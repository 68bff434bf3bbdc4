package org.msp.onboarding.harness.tools;

import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of a test run, which checks were skipped for a missing tool and how to install
 * it: the build's summary of what did not run. Registered through META-INF/services, so Surefire
 * and Failsafe load it.
 */
public final class MissingToolsReport implements TestExecutionListener {
  /**
   * Skip line (tool and install command) -> where: "SomeTest (3 checks)", "SomeIT (whole class)".
   */
  private final Map<String, Map<String, Integer>> skipped = new TreeMap<>();

  /** Counted in place of a number of checks when a whole class was skipped. */
  private static final int WHOLE_CLASS = -1;

  /**
   * A test that asked for a missing tool's path without declaring it was aborted with the skip
   * line.
   */
  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      result.getThrowable().ifPresent(e -> executionSkipped(test, e.getMessage()));
    }
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier test, String reason) {
    if (reason == null || !reason.startsWith(RequiredToolCondition.SKIP_PREFIX)) {
      return;
    }
    String line = reason.substring(RequiredToolCondition.SKIP_PREFIX.length());
    TestSource source = test.getSource().orElse(null);
    Map<String, Integer> byClass = skipped.computeIfAbsent(line, l -> new TreeMap<>());
    if (source instanceof ClassSource cls) {
      byClass.put(simpleName(cls.getClassName()), WHOLE_CLASS);
    } else if (source instanceof MethodSource method) {
      byClass.merge(simpleName(method.getClassName()), 1, (a, b) -> a == WHOLE_CLASS ? a : a + b);
    }
  }

  @Override
  public synchronized void testPlanExecutionFinished(TestPlan plan) {
    if (skipped.isEmpty()) {
      return;
    }
    StringBuilder out =
        new StringBuilder("[tools] Skipped for missing tools (-D")
            .append(RequiredToolCondition.REQUIRED_PROPERTY)
            .append("=true makes this a failure):\n");
    skipped.forEach(
        (line, byClass) -> {
          out.append("[tools]   ").append(line).append("\n[tools]     skipped:");
          byClass.forEach(
              (name, count) ->
                  out.append(' ')
                      .append(name)
                      .append(count == WHOLE_CLASS ? " (whole class)" : " (" + count + " checks)"));
          out.append('\n');
        });
    System.out.print(out);
    System.out.flush();
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
