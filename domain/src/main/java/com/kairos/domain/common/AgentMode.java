package com.kairos.domain.common;

/** How much of a negotiation the client's agent handles on the user's behalf. */
public enum AgentMode {
  MANUAL,
  ASSISTED,
  AUTONOMOUS;
}
