package com.kairos.domain.negotiation;

import com.kairos.domain.common.UserId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who takes part and where each stands: the organizer first, then the invitees as invited, each
 * user once, between 2 and {@link Limits#MAX_PARTICIPANTS} in all.
 */
public record Roster(List<Participant> members) {

  public Roster {
    members = List.copyOf(members);
    if (members.size() < 2 || members.size() > Limits.MAX_PARTICIPANTS) {
      throw new IllegalArgumentException(
          "a negotiation has 2-" + Limits.MAX_PARTICIPANTS + " participants");
    }
    if (members.get(0).role() != ParticipantRole.ORGANIZER) {
      throw new IllegalArgumentException("the first participant is the organizer");
    }
    Set<UserId> seen = new HashSet<>();
    for (int i = 0; i < members.size(); i++) {
      Participant p = members.get(i);
      if (!seen.add(p.userId())) {
        throw new IllegalArgumentException("participant user ids are unique");
      }
      if (i > 0 && p.role() != ParticipantRole.INVITEE) {
        throw new IllegalArgumentException("only the owner organizes");
      }
    }
  }

  public Participant organizer() {
    return members.get(0);
  }

  public Optional<Participant> find(UserId user) {
    return members.stream().filter(p -> p.userId().equals(user)).findFirst();
  }

  public int size() {
    return members.size();
  }

  /** More than two people: the app shows it as a group. */
  public boolean isGroup() {
    return isGroup(members.size());
  }

  /** The one definition: more than two people, for a roster or a summary's count. */
  public static boolean isGroup(int participants) {
    return participants > 2;
  }

  /** How many currently agree (accepted or countered): the one definition lists show. */
  public int acceptedCount() {
    return (int) members.stream().filter(p -> p.status().agrees()).count();
  }

  /** The roster with {@code updated} in its member's place. */
  Roster with(Participant updated) {
    List<Participant> next = new ArrayList<>(members);
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).userId().equals(updated.userId())) {
        next.set(i, updated);
      }
    }
    return new Roster(next);
  }

  /** Everyone but {@code counterer} who agreed is back to pending, as a counter requires. */
  Roster resetAllBut(UserId counterer) {
    List<Participant> next = new ArrayList<>(members);
    for (int i = 0; i < next.size(); i++) {
      Participant other = next.get(i);
      if (!other.userId().equals(counterer) && other.status().agrees()) {
        next.set(i, other.reset());
      }
    }
    return new Roster(next);
  }
}
