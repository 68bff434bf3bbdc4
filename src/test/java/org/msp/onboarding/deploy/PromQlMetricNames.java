package org.msp.onboarding.deploy;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names a PromQL expression reads, by a small tokenizer rather than a PromQL parser
 * (none is needed for this): string literals, label matchers ({@code {...}}) and ranges ({@code
 * [...]}) are skipped; an identifier followed by {@code (} is a function or aggregation; the
 * identifiers inside {@code by (...)}, {@code without (...)}, {@code on (...)}, {@code ignoring
 * (...)}, {@code group_left (...)} and {@code group_right (...)} are label names; keywords, numbers
 * and durations are not names, nor are the aggregation operators; a Grafana variable ({@code
 * $name}) is skipped. What is left is a metric name.
 */
public final class PromQlMetricNames {
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "inf",
          "nan",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          // aggregation operators: `sum by (x) (...)` puts the clause between name and parenthesis
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile",
          "limitk",
          "limit_ratio");
  private static final Set<String> LABEL_LISTS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  private PromQlMetricNames() {}

  public static Set<String> of(String expr) {
    Set<String> names = new TreeSet<>();
    int i = 0;
    String previous = "";
    while (i < expr.length()) {
      char c = expr.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(expr, i);
      } else if (c == '{') {
        i = skipPast(expr, i, '}');
      } else if (c == '[') {
        i = skipPast(expr, i, ']');
      } else if (c == '(' && LABEL_LISTS.contains(previous)) {
        i = skipPast(expr, i, ')');
        previous = "";
      } else if (c == '$') {
        i = endOfWord(expr, i + 1, false);
      } else if (Character.isDigit(c) || (c == '.' && isDigitAt(expr, i + 1))) {
        i = endOfWord(expr, i + 1, true); // 0.95, 1e3, 5m, 0x1f: numbers and durations
      } else if (isNameStart(c)) {
        int end = endOfWord(expr, i, false);
        String word = expr.substring(i, end);
        if (!KEYWORDS.contains(word) && !followedByParenthesis(expr, end)) {
          names.add(word);
        }
        previous = word;
        i = end;
        continue;
      } else {
        i++;
      }
      if (!Character.isWhitespace(c)) {
        previous = "";
      }
    }
    return names;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_' || c == ':';
  }

  private static boolean isDigitAt(String expr, int i) {
    return i < expr.length() && Character.isDigit(expr.charAt(i));
  }

  private static int endOfWord(String expr, int from, boolean number) {
    String extra = number ? "_:." : "_:";
    int i = from;
    while (i < expr.length()
        && (Character.isLetterOrDigit(expr.charAt(i)) || extra.indexOf(expr.charAt(i)) >= 0)) {
      i++;
    }
    return i;
  }

  private static boolean followedByParenthesis(String expr, int from) {
    int i = from;
    while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
      i++;
    }
    return i < expr.length() && expr.charAt(i) == '(';
  }

  /** The index after the closing quote; a backslash escapes the next character (not in `raw`). */
  private static int skipString(String expr, int start) {
    char quote = expr.charAt(start);
    int i = start + 1;
    while (i < expr.length() && expr.charAt(i) != quote) {
      i += (expr.charAt(i) == '\\' && quote != '`') ? 2 : 1;
    }
    return i + 1;
  }

  /** The index after the closing character, skipping quoted strings inside (a label value "}"). */
  private static int skipPast(String expr, int start, char close) {
    int i = start + 1;
    while (i < expr.length() && expr.charAt(i) != close) {
      char c = expr.charAt(i);
      i = (c == '"' || c == '\'' || c == '`') ? skipString(expr, i) : i + 1;
    }
    return i + 1;
  }
}
