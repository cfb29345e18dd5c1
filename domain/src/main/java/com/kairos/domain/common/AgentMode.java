package com.kairos.domain.common;

import java.util.Locale;

/** How much of a negotiation the client's agent handles on the user's behalf. */
public enum AgentMode {
  MANUAL,
  ASSISTED,
  AUTONOMOUS;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AgentMode fromWire(String wire) {
    return WireEnums.parse(AgentMode.class, wire, "agent_mode");
  }
}
