package com.kairos.domain.negotiation;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import java.util.Objects;

/**
 * A negotiation's whole state as its parts, each checking its own invariants: what a repository
 * stores and what {@link Negotiation#rehydrate} rebuilds from. {@code startFingerprint} may be
 * null.
 */
public record NegotiationSnapshot(
    NegotiationId id,
    UserId ownerId,
    IntentCategory intentCategory,
    AgentMode agentMode,
    Lifecycle lifecycle,
    Revision revision,
    Roster roster,
    Options options,
    Payloads payloads,
    String startFingerprint) {

  public NegotiationSnapshot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(intentCategory, "intentCategory");
    Objects.requireNonNull(agentMode, "agentMode");
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(roster, "roster");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(payloads, "payloads");
    if (!roster.organizer().userId().equals(ownerId)) {
      throw new IllegalArgumentException("the owner is the first participant and the organizer");
    }
  }

  NegotiationSnapshot with(Lifecycle newLifecycle, Revision newRevision) {
    return with(newLifecycle, newRevision, roster, options, payloads);
  }

  NegotiationSnapshot with(
      Revision newRevision, Roster newRoster, Options newOptions, Payloads newPayloads) {
    return with(lifecycle, newRevision, newRoster, newOptions, newPayloads);
  }

  NegotiationSnapshot with(
      Lifecycle newLifecycle,
      Revision newRevision,
      Roster newRoster,
      Options newOptions,
      Payloads newPayloads) {
    return new NegotiationSnapshot(
        id,
        ownerId,
        intentCategory,
        agentMode,
        newLifecycle,
        newRevision,
        newRoster,
        newOptions,
        newPayloads,
        startFingerprint);
  }
}
