package com.kairos.application.account;

import com.kairos.application.port.ActivityPosition;
import com.kairos.application.port.DeviceRepository;
import com.kairos.application.port.EventRepository;
import com.kairos.application.port.NegotiationHistory;
import com.kairos.application.port.NegotiationQueries;
import com.kairos.application.port.Transactions;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.application.user.GetProfile;
import com.kairos.domain.common.EventId;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.Timestamps;
import com.kairos.domain.common.UserId;
import com.kairos.domain.device.Device;
import com.kairos.domain.event.Event;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.user.UserProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The account export: everything stored about the caller, handed to a {@link Sink} piece by piece
 * so that the adapter can stream it. Negotiations, events and history lines are read in keyset
 * pages of {@link #DEFAULT_PAGE_SIZE}, each page its own short read: no connection is held for the
 * whole export and no more than one page is ever in memory. Negotiations are read as they stand at
 * the export's instant ({@link Negotiation#asOf}), as {@link
 * com.kairos.application.negotiation.GetNegotiation} reads them.
 */
public final class ExportAccount {
  /** How many items one read fetches. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /**
   * Where the export goes. Called in this order, each once unless said otherwise: {@link #begin},
   * {@link #startNegotiations}, {@link #negotiation} per negotiation, {@link #startEvents}, {@link
   * #event} per event, {@link #startActivity}, {@link #activity} per history line, {@link #end}. An
   * exception thrown by the sink ends the export.
   */
  public interface Sink {
    /**
     * The export's instant, the caller's profile and devices (at most {@link Device#MAX_PER_USER}).
     */
    void begin(Instant exportedAt, UserProfile profile, List<Device> devices);

    void startNegotiations();

    /** A negotiation the caller takes part in and may see, by id (unsigned). */
    void negotiation(Negotiation negotiation);

    void startEvents();

    /** An event the caller owns, by id (unsigned). */
    void event(Event event);

    void startActivity();

    /** A history line the caller wrote, by negotiation id (unsigned) then version. */
    void activity(Activity line);

    void end();
  }

  private final Transactions transactions;
  private final NegotiationQueries negotiations;
  private final NegotiationHistory history;
  private final EventRepository events;
  private final DeviceRepository devices;
  private final GetProfile profiles;
  private final Clock clock;
  private final int pageSize;

  public ExportAccount(
      Transactions transactions,
      NegotiationQueries negotiations,
      NegotiationHistory history,
      EventRepository events,
      DeviceRepository devices,
      GetProfile profiles,
      Clock clock) {
    this(transactions, negotiations, history, events, devices, profiles, clock, DEFAULT_PAGE_SIZE);
  }

  public ExportAccount(
      Transactions transactions,
      NegotiationQueries negotiations,
      NegotiationHistory history,
      EventRepository events,
      DeviceRepository devices,
      GetProfile profiles,
      Clock clock,
      int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive");
    }
    this.transactions = transactions;
    this.negotiations = negotiations;
    this.history = history;
    this.events = events;
    this.devices = devices;
    this.profiles = profiles;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /**
   * Exports {@code caller}'s data into {@code sink}. The profile is read as {@link GetProfile}
   * reads it (created on first sight from the token and {@code languageTag}, which may be null).
   */
  public void export(VerifiedIdentity caller, String languageTag, Sink sink) {
    UserId user = caller.userId();
    Instant now = Timestamps.now(clock);
    UserProfile profile = profiles.getOrCreate(caller, languageTag);
    List<Device> owned = transactions.reading(() -> devices.listFor(user));
    sink.begin(now, profile, owned);

    sink.startNegotiations();
    walk(
        (NegotiationId after) -> negotiations.visibleTo(user, after, pageSize),
        Negotiation::id,
        n -> sink.negotiation(n.asOf(now)));

    sink.startEvents();
    walk((EventId after) -> events.ownedBy(user, after, pageSize), Event::id, sink::event);

    sink.startActivity();
    walk(
        (ActivityPosition after) -> history.authoredBy(user, after, pageSize),
        line -> new ActivityPosition(line.negotiationId(), line.version()),
        sink::activity);

    sink.end();
  }

  /**
   * Reads page after page, each in its own read, until a short page; hands every item to {@code
   * each} before the next page is read.
   */
  private <T, K> void walk(Function<K, List<T>> page, Function<T, K> key, Consumer<T> each) {
    K after = null;
    while (true) {
      K from = after;
      List<T> items = transactions.reading(() -> page.apply(from));
      items.forEach(each);
      if (items.size() < pageSize) {
        return;
      }
      after = key.apply(items.get(items.size() - 1));
    }
  }
}
