package com.kairos.application;

import com.kairos.application.account.DeleteAccount;
import com.kairos.application.account.ExportAccount;
import com.kairos.application.account.RevokedAccounts;
import com.kairos.application.cursor.CursorCodec;
import com.kairos.application.device.ListDevices;
import com.kairos.application.device.RegisterDevice;
import com.kairos.application.device.RemoveDevice;
import com.kairos.application.event.CreateEvent;
import com.kairos.application.event.GetEvent;
import com.kairos.application.event.ListEvents;
import com.kairos.application.event.ListUpcomingEvents;
import com.kairos.application.expiry.ExpireDueNegotiations;
import com.kairos.application.negotiation.CancelNegotiation;
import com.kairos.application.negotiation.GetActivity;
import com.kairos.application.negotiation.GetNegotiation;
import com.kairos.application.negotiation.ListNegotiations;
import com.kairos.application.negotiation.ReplyToNegotiation;
import com.kairos.application.negotiation.SendNegotiation;
import com.kairos.application.negotiation.StartNegotiation;
import com.kairos.application.negotiation.TransitionRecorder;
import com.kairos.application.port.AccountJobs;
import com.kairos.application.port.DeletedAccounts;
import com.kairos.application.port.DeviceRepository;
import com.kairos.application.port.EventRepository;
import com.kairos.application.port.NegotiationHistory;
import com.kairos.application.port.NegotiationQueries;
import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.NegotiationSweep;
import com.kairos.application.port.PushOutbox;
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
    ExpireDueNegotiations expireDueNegotiations,
    RegisterDevice registerDevice,
    ListDevices listDevices,
    RemoveDevice removeDevice,
    GetActivity getActivity,
    DeleteAccount deleteAccount,
    RevokedAccounts revokedAccounts,
    ExportAccount exportAccount) {

  /** The default number of expiries one sweep transaction writes. */
  public static final int EXPIRY_BATCH_SIZE = 500;

  /** The ports the use cases need; {@code users} says which participant ids exist. */
  public record Ports(
      Transactions transactions,
      NegotiationStore negotiations,
      NegotiationHistory history,
      NegotiationQueries queries,
      NegotiationSweep sweep,
      EventRepository events,
      UserProfileRepository profiles,
      UserDirectory users,
      DeviceRepository devices,
      PushOutbox outbox,
      DeletedAccounts deletions,
      AccountJobs jobs) {

    /** The ports an account deletion touches. */
    public DeleteAccount.Ports forDeletion() {
      return new DeleteAccount.Ports(
          transactions, negotiations, queries, events, profiles, devices, outbox, deletions, jobs);
    }
  }

  /** Every use case, built from {@code ports}. */
  public static UseCases create(Ports ports, IdGenerator ids, CursorCodec cursors, Clock clock) {
    Transactions tx = ports.transactions();
    NegotiationStore negotiations = ports.negotiations();
    EventRepository events = ports.events();
    PushOutbox outbox = ports.outbox();
    TransitionRecorder recorder = new TransitionRecorder(negotiations, events, outbox);
    GetProfile getProfile = new GetProfile(tx, ports.profiles(), ids, clock);
    RevokedAccounts revoked = new RevokedAccounts(tx, ports.deletions(), clock);
    return new UseCases(
        new StartNegotiation(tx, negotiations, recorder, ports.users(), ids, clock),
        new ReplyToNegotiation(tx, negotiations, recorder, ids, clock),
        new SendNegotiation(tx, negotiations, recorder, clock),
        new CancelNegotiation(tx, negotiations, recorder, clock),
        new GetNegotiation(tx, negotiations, clock),
        new ListNegotiations(tx, ports.queries(), cursors, clock),
        new GetEvent(tx, events),
        new ListEvents(tx, events, cursors, clock),
        new ListUpcomingEvents(tx, events, clock),
        new CreateEvent(tx, events, clock),
        getProfile,
        new UpdateProfile(tx, ports.profiles(), getProfile, clock),
        new ExpireDueNegotiations(tx, ports.sweep(), recorder, clock, EXPIRY_BATCH_SIZE),
        new RegisterDevice(tx, ports.devices(), clock),
        new ListDevices(tx, ports.devices()),
        new RemoveDevice(tx, ports.devices()),
        new GetActivity(tx, negotiations, ports.history(), cursors, clock),
        new DeleteAccount(ports.forDeletion(), revoked, ids, clock),
        revoked,
        new ExportAccount(
            tx, ports.queries(), ports.history(), events, ports.devices(), getProfile, clock));
  }
}
