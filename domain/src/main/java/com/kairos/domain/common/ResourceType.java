package com.kairos.domain.common;

/** The kinds of resource a not-found or access-denied refusal can name. */
public enum ResourceType {
  NEGOTIATION,
  EVENT,
  USER;
}
