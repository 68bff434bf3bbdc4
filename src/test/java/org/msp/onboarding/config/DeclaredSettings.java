package org.msp.onboarding.config;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings the application's own code declares, read from its compiled classes: every
 * {@code @ConfigMapping} property (nested groups included), every {@code @ConfigProperty}, and
 * every {@code ${name:default}} in a {@code @Scheduled} expression. Maps the property name to its
 * default in code (empty when there is none).
 */
final class DeclaredSettings {
  private static final String ROOT_PACKAGE = "org.msp.onboarding";
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

  private DeclaredSettings() {}

  static Map<String, Optional<String>> read() {
    Map<String, Optional<String>> settings = new TreeMap<>();
    for (Class<?> type : mainClasses()) {
      ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
      if (mapping != null) {
        group(type, mapping.prefix(), settings);
      }
      for (Executable executable : executables(type)) {
        for (Parameter parameter : executable.getParameters()) {
          configProperty(parameter, settings);
        }
        configProperty(executable, settings);
        for (Scheduled scheduled : executable.getAnnotationsByType(Scheduled.class)) {
          expressions(scheduled.every() + scheduled.delayed() + scheduled.cron(), settings);
        }
      }
      Stream.of(type.getDeclaredFields()).forEach(field -> configProperty(field, settings));
    }
    return settings;
  }

  private static void group(Class<?> type, String prefix, Map<String, Optional<String>> settings) {
    for (Method method : type.getMethods()) {
      if (method.getParameterCount() > 0
          || method.isDefault()
          || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      WithName withName = method.getAnnotation(WithName.class);
      String name = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
      Class<?> returned = method.getReturnType();
      if (returned.isInterface() && returned.getName().startsWith(ROOT_PACKAGE)) {
        group(returned, name, settings);
      } else {
        WithDefault withDefault = method.getAnnotation(WithDefault.class);
        settings.put(name, Optional.ofNullable(withDefault).map(WithDefault::value));
      }
    }
  }

  private static void configProperty(AnnotatedElement element, Map<String, Optional<String>> out) {
    ConfigProperty property = element.getAnnotation(ConfigProperty.class);
    if (property != null) {
      String defaultValue = property.defaultValue();
      out.put(
          property.name(),
          defaultValue.equals(ConfigProperty.UNCONFIGURED_VALUE)
              ? Optional.empty()
              : Optional.of(defaultValue));
    }
  }

  private static void expressions(String text, Map<String, Optional<String>> out) {
    Matcher matcher = EXPRESSION.matcher(text);
    while (matcher.find()) {
      out.put(matcher.group(1), Optional.ofNullable(matcher.group(2)));
    }
  }

  private static List<Executable> executables(Class<?> type) {
    List<Executable> all = new ArrayList<>(List.of(type.getDeclaredConstructors()));
    all.addAll(List.of(type.getDeclaredMethods()));
    return all;
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** Every class compiled from src/main/java (the folder that holds this project's main code). */
  private static List<Class<?>> mainClasses() {
    Path root = classesRoot();
    try (Stream<Path> files = Files.walk(root.resolve(ROOT_PACKAGE.replace('.', '/')))) {
      List<Class<?>> classes = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.');
        classes.add(load(name.substring(0, name.length() - ".class".length())));
      }
      return classes;
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + root, e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, DeclaredSettings.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot load " + name, e);
    }
  }

  private static Path classesRoot() {
    try {
      // OnboardingConfig is main code: its folder is the main classes' root, not test-classes.
      Path file =
          Path.of(
              OnboardingConfig.class
                  .getResource(OnboardingConfig.class.getSimpleName() + ".class")
                  .toURI());
      Path root = file;
      for (int i = 0; i < OnboardingConfig.class.getName().split("\\.").length; i++) {
        root = root.getParent();
      }
      return root;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
