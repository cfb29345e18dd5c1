package com.kairos.domain.offender;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Breaks the domain rules on purpose, so the architecture test can prove they bite. */
public final class OffendingDomainClass {
  private static final Logger LOG = LoggerFactory.getLogger(OffendingDomainClass.class);

  /** A JSON field name, which belongs to the HTTP adapter. */
  public String field() {
    return "accepted_slot_ids";
  }

  /** A JSON field name inside a message, built by concatenation. */
  public String message(String field) {
    return field + " must be after starts_at";
  }

  public ObjectMapper mapper() {
    LOG.info("domain classes must not log or know Jackson");
    return new ObjectMapper();
  }
}
