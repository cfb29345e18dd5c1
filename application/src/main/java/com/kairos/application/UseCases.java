package com.kairos.application;

import com.kairos.application.cursor.CursorCodec;
import com.kairos.application.event.CreateEvent;
import com.kairos.application.event.GetEvent;
import com.kairos.application.event.ListEvents;
import com.kairos.application.event.ListUpcomingEvents;
import com.kairos.application.expiry.ExpireDueNegotiations;
import com.kairos.application.negotiation.CancelNegotiation;
import com.kairos.application.negotiation.GetNegotiation;
import com.kairos.application.negotiation.ListNegotiations;
import com.kairos.application.negotiation.ReplyToNegotiation;
import com.kairos.application.negotiation.SendNegotiation;
import com.kairos.application.negotiation.StartNegotiation;
import com.kairos.application.port.EventRepository;
import com.kairos.application.port.NegotiationRepository;
import com.kairos.application.port.Transactions;
import com.kairos.application.port.UserDirectory;
import com.kairos.application.port.UserProfileRepository;
import com.kairos.application.user.GetProfile;
import com.kairos.application.user.UpdateProfile;
import com.kairos.domain.common.IdGenerator;
import java.time.Clock;

/** Every use case, built once from the ports; what the composition root hands to the adapters. */
public record UseCases(
    StartNegotiation startNegotiation,
    ReplyToNegotiation replyToNegotiation,
    SendNegotiation sendNegotiation,
    CancelNegotiation cancelNegotiation,
    GetNegotiation getNegotiation,
    ListNegotiations listNegotiations,
    GetEvent getEvent,
    ListEvents listEvents,
    ListUpcomingEvents listUpcomingEvents,
    CreateEvent createEvent,
    GetProfile getProfile,
    UpdateProfile updateProfile,
    ExpireDueNegotiations expireDueNegotiations) {

  /** The default number of expiries one sweep transaction writes. */
  public static final int EXPIRY_BATCH_SIZE = 500;

  /** Every use case, with participant ids not checked against the identity provider. */
  public static UseCases create(
      Transactions tx,
      NegotiationRepository negotiations,
      EventRepository events,
      UserProfileRepository profiles,
      IdGenerator ids,
      CursorCodec cursors,
      Clock clock) {
    return create(
        tx, negotiations, events, profiles, UserDirectory.unchecked(), ids, cursors, clock);
  }

  /** Every use case; {@code users} says which participant ids exist. */
  public static UseCases create(
      Transactions tx,
      NegotiationRepository negotiations,
      EventRepository events,
      UserProfileRepository profiles,
      UserDirectory users,
      IdGenerator ids,
      CursorCodec cursors,
      Clock clock) {
    GetProfile getProfile = new GetProfile(tx, profiles, ids, clock);
    return new UseCases(
        new StartNegotiation(tx, negotiations, users, ids, clock),
        new ReplyToNegotiation(tx, negotiations, events, ids, clock),
        new SendNegotiation(tx, negotiations, clock),
        new CancelNegotiation(tx, negotiations, events, clock),
        new GetNegotiation(tx, negotiations, clock),
        new ListNegotiations(tx, negotiations, cursors, clock),
        new GetEvent(tx, events),
        new ListEvents(tx, events, cursors, clock),
        new ListUpcomingEvents(tx, events, clock),
        new CreateEvent(tx, events, clock),
        getProfile,
        new UpdateProfile(tx, profiles, getProfile, clock),
        new ExpireDueNegotiations(tx, negotiations, clock, EXPIRY_BATCH_SIZE));
  }
}
