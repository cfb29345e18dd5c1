package com.kairos.postgres;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.StartRequest.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.application.UseCases;
import com.kairos.application.cursor.CursorCodec;
import com.kairos.application.expiry.ExpireDueNegotiations;
import com.kairos.application.negotiation.TransitionRecorder;
import com.kairos.application.testing.InMemoryBackend;
import com.kairos.application.testing.MutableClock;
import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.UserId;
import com.kairos.domain.negotiation.CancelReason;
import com.kairos.domain.negotiation.InvalidStateTransition;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.Reply;
import com.kairos.domain.negotiation.ReplyCommand;
import com.kairos.domain.testing.Fixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** Races on a real PostgreSQL: no lost update, exactly one finalization, no double expiry. */
class ConcurrencyTest {
  private final PostgresPorts ports = PostgresPorts.shared();
  private final MutableClock clock = new MutableClock(NOW);
  private final UseCases useCases =
      UseCases.create(
          ports.all(), IdGenerator.random(), new CursorCodec(InMemoryBackend.CURSOR_SECRET), clock);
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    ports.reset();
    pool = Executors.newFixedThreadPool(20);
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  @RepeatedTest(3)
  void twentyRacingRepliesToATwentyOneParticipantNegotiationFinalizeItOnce() throws Exception {
    List<UserId> invitees = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      invitees.add(Fixtures.user(i));
    }
    Negotiation n =
        useCases.startNegotiation().start(ALICE, start().inviting(invitees).build()).negotiation();
    clock.advance(Duration.ofMinutes(1));

    List<Callable<Negotiation>> replies = new ArrayList<>();
    for (UserId invitee : invitees) {
      replies.add(
          () ->
              useCases
                  .replyToNegotiation()
                  .reply(
                      invitee,
                      new ReplyCommand(
                          n.id(), new Reply.Accept(null, null), null, null, null, null))
                  .negotiation());
    }
    List<Negotiation> results = raceAll(replies);

    assertThat(results.stream().filter(r -> r.state() == NegotiationState.FINALIZED)).hasSize(1);
    Negotiation stored = useCases.getNegotiation().get(ALICE, n.id());
    assertThat(stored.state()).isEqualTo(NegotiationState.FINALIZED);
    assertThat(stored.version()).isEqualTo(21);
    assertThat(stored.participants()).allMatch(p -> p.status().agrees());
    assertThat(count("SELECT count(*) FROM events WHERE negotiation_id = '" + n.id() + "'"))
        .isEqualTo(21);
    assertThat(count("SELECT count(DISTINCT owner_id) FROM events")).isEqualTo(21);
    assertThat(
            count(
                "SELECT count(*) FROM negotiation_activity WHERE negotiation_id = '"
                    + n.id()
                    + "' AND action = 'accept'"))
        .isEqualTo(20);
  }

  @RepeatedTest(3)
  void twoSweepersRacingOverAThousandDueNegotiationsExpireEachOnce() throws Exception {
    insertDueNegotiations(1000);
    clock.set(NOW.plus(Duration.ofHours(2)));
    ExpireDueNegotiations sweeper =
        new ExpireDueNegotiations(
            ports.transactions(),
            ports.sweep(),
            new TransitionRecorder(ports.negotiations(), ports.events(), ports.outbox()),
            clock,
            50);

    List<Integer> expired = raceAll(List.of(sweeper::sweep, sweeper::sweep));

    assertThat(expired.get(0) + expired.get(1)).isEqualTo(1000);
    assertThat(count("SELECT count(*) FROM negotiations WHERE cancel_reason = 'expired'"))
        .isEqualTo(1000);
    assertThat(count("SELECT count(*) FROM negotiation_activity WHERE action = 'expire'"))
        .isEqualTo(1000);
    assertThat(count("SELECT count(*) FROM negotiations WHERE version <> 2")).isZero();
  }

  @RepeatedTest(5)
  void repliesRacingTheOwnersDeletionLoseNothingAndFinalizeAtMostOnce() throws Exception {
    List<UserId> invitees = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      invitees.add(Fixtures.user(i));
    }
    Negotiation n =
        useCases.startNegotiation().start(ALICE, start().inviting(invitees).build()).negotiation();
    clock.advance(Duration.ofMinutes(1));

    List<Callable<String>> racers = new ArrayList<>();
    racers.add(
        () -> {
          useCases.deleteAccount().delete(ALICE, clock.instant());
          return "deleted";
        });
    for (UserId invitee : invitees) {
      racers.add(
          () -> {
            try {
              useCases
                  .replyToNegotiation()
                  .reply(
                      invitee,
                      new ReplyCommand(
                          n.id(), new Reply.Accept(null, null), null, null, null, null));
              return "accepted";
            } catch (InvalidStateTransition refused) {
              return "refused:" + refused.currentState();
            }
          });
    }
    List<String> results = raceAll(racers);

    long accepted = results.stream().filter("accepted"::equals).count();
    Negotiation stored = useCases.getNegotiation().get(invitees.get(0), n.id());
    String id = "'" + n.id() + "'";
    // Every accepted reply is in the history, every line has its own version, none is missing.
    assertThat(
            count(
                "SELECT count(*) FROM negotiation_activity WHERE negotiation_id = "
                    + id
                    + " AND action = 'accept'"))
        .isEqualTo(accepted);
    assertThat(count("SELECT count(*) FROM negotiation_activity WHERE negotiation_id = " + id))
        .isEqualTo(stored.version());
    assertThat(
            count(
                "SELECT count(DISTINCT version) FROM negotiation_activity WHERE negotiation_id = "
                    + id))
        .isEqualTo(stored.version());
    assertThat(
            count(
                "SELECT count(*) FROM negotiation_activity WHERE negotiation_id = "
                    + id
                    + " AND to_state = 'finalized' AND from_state = 'active'"))
        .isLessThanOrEqualTo(1);
    assertThat(results)
        .allMatch(
            r -> r.equals("deleted") || r.equals("accepted") || r.equals("refused:CANCELLED"));
    if (accepted == invitees.size()) {
      // Everyone accepted before the owner left: finalized once, her blob and event gone.
      assertThat(stored.state()).isEqualTo(NegotiationState.FINALIZED);
      assertThat(stored.encryptedPayload()).isEmpty();
      assertThat(count("SELECT count(*) FROM events WHERE negotiation_id = " + id))
          .isEqualTo(invitees.size());
    } else {
      assertThat(stored.state()).isEqualTo(NegotiationState.CANCELLED);
      assertThat(stored.cancelReason()).contains(CancelReason.OWNER_DELETED);
      assertThat(count("SELECT count(*) FROM events WHERE negotiation_id = " + id)).isZero();
      assertThat(stored.participants().stream().filter(p -> p.status().agrees()).count())
          .isEqualTo(accepted + 1);
    }
    assertThat(count("SELECT count(*) FROM events WHERE owner_id = 'alice-uid'")).isZero();
  }

  private void insertDueNegotiations(int count) throws SQLException {
    try (Connection c = PostgresPorts.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO negotiations (id, owner_id, state, intent_category, agent_mode,"
              + " agent_round, version, participant_count, accepted_count, encrypted_payload,"
              + " encrypted_blob_version, last_actor_id, last_action, created_at, updated_at,"
              + " expires_at, activated_at)"
              + " SELECT gen_random_uuid(), 'owner-' || i, 'active', 'coffee', 'manual', 0, 1,"
              + " 2, 1, 'cGF5bG9hZA==', 1, 'owner-' || i, 'start', now(), now(),"
              + " TIMESTAMPTZ '2026-11-23 11:00:00+00', now()"
              + " FROM generate_series(1, "
              + count
              + ") AS i");
      s.execute(
          "INSERT INTO participants (negotiation_id, user_id, position, role, status,"
              + " negotiation_updated_at, visible)"
              + " SELECT id, owner_id, 0, 'organizer', 'accepted', updated_at, true"
              + " FROM negotiations");
      s.execute(
          "INSERT INTO participants (negotiation_id, user_id, position, role, status,"
              + " negotiation_updated_at, visible)"
              + " SELECT id, 'guest-' || owner_id, 1, 'invitee', 'pending', updated_at, true"
              + " FROM negotiations");
      s.execute(
          "INSERT INTO proposed_slots (negotiation_id, id, starts_at, ends_at, timezone,"
              + " proposed_by, round, position)"
              + " SELECT id, gen_random_uuid(), TIMESTAMPTZ '2026-12-01 10:00:00+00',"
              + " TIMESTAMPTZ '2026-12-01 11:00:00+00', 'UTC', owner_id, 0, 0 FROM negotiations");
    }
  }

  private <T> List<T> raceAll(List<Callable<T>> tasks) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(
          pool.submit(
              () -> {
                go.await();
                return task.call();
              }));
    }
    go.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    return results;
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = PostgresPorts.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
