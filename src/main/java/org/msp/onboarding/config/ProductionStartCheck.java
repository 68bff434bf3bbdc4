package org.msp.onboarding.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * A production instance with a missing or placeholder credential refuses to start, with one line
 * naming every setting at fault: a crash-looping pod is seen at once, whereas a running one would
 * fail every saga and every operator's token. (Quarkus prints a ConfigurationException as its
 * message alone, without a stack trace.)
 */
@ApplicationScoped
public class ProductionStartCheck {

  // Before anything else observes the start: the Kafka consumer must not take records it cannot
  // process.
  void check(@Observes @Priority(1) StartupEvent event, Config config, Scheduler scheduler) {
    if (LaunchMode.current() != LaunchMode.NORMAL) {
      return;
    }
    List<String> problems =
        ProductionSettings.problems(name -> config.getOptionalValue(name, String.class));
    if (!problems.isEmpty()) {
      // The scheduler started just before this check (its own start observer comes first): no job
      // may fire into the container being torn down, or its stack traces would bury the one line.
      scheduler.pause();
      throw new ConfigurationException(
          "Refusing to start: "
              + String.join("; ", problems)
              + ". Set them from a Secret (deploy/k8s/README.md, section Secrets).");
    }
  }
}
