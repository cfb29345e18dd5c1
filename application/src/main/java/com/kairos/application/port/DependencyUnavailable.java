package com.kairos.application.port;

import java.util.Objects;

/**
 * An outside system the request needs did not answer (retry shortly); {@code dependency} names it.
 */
public final class DependencyUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String dependency;

  public DependencyUnavailable(String dependency, String message) {
    super(message, null, false, false);
    this.dependency = Objects.requireNonNull(dependency);
  }

  public String dependency() {
    return dependency;
  }
}
