package com.kairos.domain.common;

import java.util.Objects;

/** A client-generated id is already taken. */
public final class DuplicateId extends DomainException {
  private static final long serialVersionUID = 1L;
  private final ResourceType resourceType;
  private final String resourceId;

  public DuplicateId(ResourceType resourceType, String resourceId) {
    super("a " + Names.lowerCase(resourceType) + " with this id already exists");
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
