package com.kairos.domain.common;

import java.util.Objects;

/** The caller is authenticated but may not act on this resource. */
public final class AccessDenied extends DomainException {
  private static final long serialVersionUID = 1L;
  private final ResourceType resourceType;
  private final String resourceId;

  public AccessDenied(ResourceType resourceType, String resourceId) {
    super("not allowed to access this " + Names.lowerCase(resourceType));
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
