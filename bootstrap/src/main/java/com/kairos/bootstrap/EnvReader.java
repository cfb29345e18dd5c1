package com.kairos.bootstrap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads environment variables and collects every problem, so all are reported at once. */
final class EnvReader {
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  String optional(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  String text(String name, String fallback) {
    String value = optional(name);
    return value == null ? fallback : value;
  }

  int integer(String name, int fallback, int min, int max) {
    String value = optional(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(name + " must be an integer from " + min + " to " + max);
    return fallback;
  }

  boolean bool(String name, boolean fallback) {
    String value = optional(name);
    if (value == null) {
      return fallback;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
      case "yes":
        return true;
      case "false":
      case "0":
      case "no":
        return false;
      default:
        problem(name + " must be true or false");
        return fallback;
    }
  }

  <E extends Enum<E>> E oneOf(String name, Class<E> type, E fallback) {
    String value = optional(name);
    if (value == null) {
      return fallback;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    problem(
        name
            + " must be one of "
            + String.join(
                ", ",
                Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList()));
    return fallback;
  }

  List<String> list(String name) {
    String value = optional(name);
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  void problem(String message) {
    problems.add(message);
  }

  void done() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
