package com.kairos.domain.testing;

import static com.kairos.domain.testing.Fixtures.blob;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.BlobVersion;
import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.SlotId;
import com.kairos.domain.common.TimeZoneId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.common.VenueId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.SlotProposal;
import com.kairos.domain.negotiation.StartCommand;
import com.kairos.domain.negotiation.VenueProposal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A fluent builder of start commands with sensible defaults: one invitee, one slot tomorrow. */
public final class StartRequest {
  private NegotiationId id = new NegotiationId(UUID.randomUUID());
  private IntentCategory intent = IntentCategory.COFFEE;
  private List<UserId> participants = new ArrayList<>(List.of(Fixtures.BOB));
  private final List<SlotProposal> slots = new ArrayList<>();
  private List<VenueProposal> venues;
  private AgentMode agentMode;
  private NegotiationState state;
  private Instant expiresAt;
  private EncryptedBlob payload = blob("proposal");
  private BlobVersion blobVersion;

  public static StartRequest start() {
    return new StartRequest();
  }

  public StartRequest id(NegotiationId value) {
    id = value;
    return this;
  }

  public StartRequest intent(IntentCategory value) {
    intent = value;
    return this;
  }

  public StartRequest inviting(UserId... users) {
    participants = new ArrayList<>(Arrays.asList(users));
    return this;
  }

  public StartRequest inviting(List<UserId> users) {
    participants = new ArrayList<>(users);
    return this;
  }

  /** Adds a one-hour slot starting at {@code start}, with a server-generated id. */
  public StartRequest slotAt(Instant start) {
    slots.add(new SlotProposal(null, start, null, null, null));
    return this;
  }

  public StartRequest slot(SlotId slotId, Instant start) {
    slots.add(new SlotProposal(slotId, start, null, null, null));
    return this;
  }

  public StartRequest slot(SlotProposal proposal) {
    slots.add(proposal);
    return this;
  }

  public StartRequest slotIn(TimeZoneId zone, Instant start, Instant end) {
    slots.add(new SlotProposal(null, start, end, null, zone));
    return this;
  }

  public StartRequest venue(VenueId venueId) {
    return venue(new VenueProposal(venueId, null, null, null, null));
  }

  public StartRequest venue(VenueProposal proposal) {
    if (venues == null) {
      venues = new ArrayList<>();
    }
    venues.add(proposal);
    return this;
  }

  public StartRequest agentMode(AgentMode value) {
    agentMode = value;
    return this;
  }

  public StartRequest draft() {
    state = NegotiationState.DRAFT;
    return this;
  }

  public StartRequest state(NegotiationState value) {
    state = value;
    return this;
  }

  public StartRequest expiresAt(Instant value) {
    expiresAt = value;
    return this;
  }

  public StartRequest payload(EncryptedBlob value) {
    payload = value;
    return this;
  }

  public StartRequest blobVersion(int value) {
    blobVersion = new BlobVersion(value);
    return this;
  }

  public StartCommand build() {
    List<SlotProposal> chosen =
        slots.isEmpty()
            ? List.of(new SlotProposal(null, Fixtures.inHours(24), null, null, null))
            : slots;
    return new StartCommand(
        id,
        intent,
        participants,
        chosen,
        venues,
        agentMode,
        state,
        expiresAt,
        payload,
        blobVersion);
  }

  /** Starts it as {@code owner} at {@link Fixtures#NOW}. */
  public Negotiation startedBy(UserId owner, IdGenerator ids) {
    return Negotiation.start(build(), owner, Fixtures.NOW, ids).negotiation();
  }
}
