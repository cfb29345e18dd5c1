package com.kairos.postgres;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.blob;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.UseCases;
import com.kairos.application.account.DeleteAccount;
import com.kairos.application.cursor.CursorCodec;
import com.kairos.application.device.RegisterDevice.Registration;
import com.kairos.application.port.NegotiationQuery;
import com.kairos.application.port.NegotiationStore;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.application.testing.InMemoryBackend;
import com.kairos.application.testing.MutableClock;
import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.ReplyId;
import com.kairos.domain.common.UserId;
import com.kairos.domain.device.InstallationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import com.kairos.domain.negotiation.Activity;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationSummary;
import com.kairos.domain.negotiation.Reply;
import com.kairos.domain.negotiation.ReplyCommand;
import com.kairos.domain.testing.StartRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DELETE /me's transaction on PostgreSQL: all of it, or (when it fails half-way) none of it. */
class AccountDeletionTest {
  private static final List<String> TABLES =
      List.of(
          "negotiations",
          "participants",
          "proposed_slots",
          "proposed_venues",
          "negotiation_activity",
          "events",
          "app_users",
          "devices",
          "push_outbox",
          "account_deletions",
          "account_jobs");

  private final PostgresPorts ports = PostgresPorts.shared();
  private final MutableClock clock = new MutableClock(NOW);
  private final UseCases useCases =
      UseCases.create(
          ports.all(), IdGenerator.random(), new CursorCodec(InMemoryBackend.CURSOR_SECRET), clock);

  @BeforeEach
  void aliceTakesPartInSixNegotiations() {
    ports.reset();
    for (UserId user : List.of(ALICE, BOB, CAROL)) {
      useCases.getProfile().getOrCreate(new VerifiedIdentity(user, null), null);
      useCases
          .registerDevice()
          .register(
              user,
              new Registration(
                  new InstallationId(UUID.randomUUID()),
                  new PushToken("token-" + user.value()),
                  Platform.IOS,
                  null,
                  null));
    }
    begin(ALICE, start().inviting(BOB, CAROL));
    begin(ALICE, start().inviting(BOB).draft());
    accept(BOB, begin(ALICE, start().inviting(BOB)).id());
    accept(CAROL, begin(BOB, start().inviting(ALICE, CAROL)).id());
    Negotiation declined = begin(BOB, start().inviting(ALICE, CAROL));
    useCases
        .replyToNegotiation()
        .reply(
            ALICE,
            new ReplyCommand(
                declined.id(), new Reply.Decline(), null, null, blob("alice's regrets"), null));
    begin(BOB, start().inviting(ALICE));
    clock.advance(Duration.ofMinutes(10));
  }

  private Negotiation begin(UserId owner, StartRequest request) {
    return useCases.startNegotiation().start(owner, request.build()).negotiation();
  }

  private void accept(UserId who, NegotiationId id) {
    useCases
        .replyToNegotiation()
        .reply(who, new ReplyCommand(id, new Reply.Accept(null, null), null, null, null, null));
  }

  @Test
  void aDeletionChangesEverythingItShouldInOneGo() throws SQLException {
    DeleteAccount.Result result = useCases.deleteAccount().delete(ALICE, clock.instant());

    assertThat(result).isEqualTo(new DeleteAccount.Result(6, 1, 1));
    assertThat(count("SELECT count(*) FROM app_users WHERE firebase_uid = 'alice-uid'")).isZero();
    assertThat(count("SELECT count(*) FROM devices WHERE user_id = 'alice-uid'")).isZero();
    assertThat(count("SELECT count(*) FROM events WHERE owner_id = 'alice-uid'")).isZero();
    assertThat(
            count(
                "SELECT count(*) FROM participants WHERE user_id = 'alice-uid'"
                    + " AND encrypted_payload IS NOT NULL"))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM negotiations WHERE owner_id = 'alice-uid'"
                    + " AND encrypted_payload IS NOT NULL"))
        .isZero();
    assertThat(count("SELECT count(*) FROM negotiations WHERE cancel_reason = 'owner_deleted'"))
        .isEqualTo(2);
    assertThat(count("SELECT count(*) FROM negotiation_activity WHERE action = 'leave'"))
        .isEqualTo(4);
    assertThat(count("SELECT count(*) FROM account_deletions WHERE user_id = 'alice-uid'"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM account_jobs WHERE user_id = 'alice-uid'"
                    + " AND kind = 'delete_firebase_user' AND state = 'pending'"))
        .isEqualTo(1);
    // Bob's group finalized when Alice left: Bob and Carol have their events.
    assertThat(count("SELECT count(*) FROM events WHERE owner_id IN ('bob-uid', 'carol-uid')"))
        .isEqualTo(3);
    // Every negotiation she touched still reads back through the loader, blobs or none.
    for (NegotiationSummary s :
        ports
            .transactions()
            .inTransaction(
                () ->
                    ports
                        .queries()
                        .listFor(
                            BOB, new NegotiationQuery(null, null, false, null, null), NOW, 50))) {
      assertThat(useCases.getNegotiation().get(BOB, s.id()).version()).isEqualTo(s.version());
    }
  }

  @Test
  void aFailureHalfWayLeavesEveryTableAsItWas() throws SQLException {
    Map<String, String> before = fingerprint();
    AtomicInteger updates = new AtomicInteger();
    NegotiationStore failing = failingAfter(ports.negotiations(), 3, updates);
    DeleteAccount deletion =
        new DeleteAccount(
            new DeleteAccount.Ports(
                ports.transactions(),
                failing,
                ports.queries(),
                ports.events(),
                ports.profiles(),
                ports.devices(),
                ports.outbox(),
                ports.deletions(),
                ports.jobs()),
            useCases.revokedAccounts(),
            IdGenerator.random(),
            clock);

    assertThatThrownBy(() -> deletion.delete(ALICE, clock.instant()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("injected failure");

    assertThat(updates.get()).isEqualTo(4); // three written, the fourth failed
    assertThat(fingerprint()).isEqualTo(before);
    assertThat(ports.transactions().inTransaction(() -> ports.deletions().deletedAt(ALICE)))
        .isEmpty();
  }

  /** The contents of every table, as a digest per table. */
  private static Map<String, String> fingerprint() throws SQLException {
    Map<String, String> digests = new LinkedHashMap<>();
    try (Connection c = PostgresPorts.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) || ':' || COALESCE(md5(string_agg(t::text, '|' ORDER BY t::text)),"
                    + " '') FROM "
                    + table
                    + " t")) {
          rs.next();
          digests.put(table, rs.getString(1));
        }
      }
    }
    assertThat(digests.get("negotiations")).startsWith("6:");
    return digests;
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = PostgresPorts.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A store whose {@code update} fails once {@code allowed} updates went through. */
  static NegotiationStore failingAfter(NegotiationStore real, int allowed, AtomicInteger calls) {
    return new NegotiationStore() {
      @Override
      public Optional<Negotiation> findById(NegotiationId id) {
        return real.findById(id);
      }

      @Override
      public Optional<Negotiation> findByIdForUpdate(NegotiationId id) {
        return real.findByIdForUpdate(id);
      }

      @Override
      public void insert(Negotiation negotiation, Activity activity) {
        real.insert(negotiation, activity);
      }

      @Override
      public void update(Negotiation negotiation, Activity activity) {
        if (calls.incrementAndGet() > allowed) {
          throw new IllegalStateException("injected failure");
        }
        real.update(negotiation, activity);
      }

      @Override
      public boolean replyRecorded(NegotiationId id, UserId actor, ReplyId replyId) {
        return real.replyRecorded(id, actor, replyId);
      }
    };
  }
}
