package org.msp.onboarding.simulator;

import java.util.HashMap;
import java.util.Map;

/** Parses "--name value" command-line options for {@link NinjaOneSimulator#main}. */
final class SimOptions {

  private SimOptions() {}

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException(
            "unexpected argument "
                + arg
                + "; usage: [--host 0.0.0.0] --port N --client-id X --client-secret Y");
      }
      int eq = arg.indexOf('=');
      if (eq > 0) {
        options.put(arg.substring(2, eq), arg.substring(eq + 1)); // also accept --port=N
      } else if (i + 1 < args.length) {
        options.put(arg.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("missing value for " + arg);
      }
    }
    return options;
  }
}
