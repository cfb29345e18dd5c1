package com.kairos.domain.common;

import java.util.Objects;

/** The resource does not exist, or the caller may not know that it does. */
public final class NotFound extends DomainException {
  private static final long serialVersionUID = 1L;
  private final ResourceType resourceType;
  private final String resourceId;

  public NotFound(ResourceType resourceType, String resourceId) {
    super(Names.lowerCase(resourceType) + " not found");
    this.resourceType = Objects.requireNonNull(resourceType);
    this.resourceId = Objects.requireNonNull(resourceId);
  }

  public ResourceType resourceType() {
    return resourceType;
  }

  public String resourceId() {
    return resourceId;
  }
}
