package com.kairos.postgres;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.CAROL;
import static com.kairos.domain.testing.Fixtures.inHours;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.application.UseCases;
import com.kairos.application.cursor.CursorCodec;
import com.kairos.application.port.UserDirectory;
import com.kairos.application.testing.MutableClock;
import com.kairos.domain.common.IdGenerator;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationState;
import com.kairos.domain.negotiation.Reply;
import com.kairos.domain.negotiation.ReplyCommand;
import com.kairos.domain.testing.Fixtures;
import com.kairos.domain.testing.StartRequest;
import com.kairos.migrations.Migrations;
import com.kairos.postgres.testing.CountingSocketFactory;
import com.kairos.postgres.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How many statements PostgreSQL receives for the two hottest paths, counted on the wire (see
 * {@link CountingSocketFactory}), so that per-transaction chatter cannot creep back unnoticed. The
 * numbers are ceilings: lower them when a change saves a round trip, never raise them silently.
 */
class StatementCountTest {
  /** One SELECT with everything in it, outside any transaction. (Before: 6, and 12 before that.) */
  static final long GET_CEILING = 1;

  /**
   * BEGIN, the row lock, the load, the negotiation's and the participants' update (one statement
   * with two data-modifying CTEs), the activity row, the push outbox rows (one statement for every
   * recipient's devices, notifications.md), COMMIT. (Before: 8, the two updates apart; before the
   * outbox 7; before that 11 for three participants, one more per participant, and 17 before the
   * isolation level moved to the pool.)
   */
  static final long REPLY_CEILING = 7;

  /**
   * BEGIN, the sweep statement (expiries and their history lines), the load of what it expired, the
   * push outbox rows, COMMIT: the same for two expiries as for six. (Before: one load per expired
   * negotiation.)
   */
  static final long SWEEP_CEILING = 5;

  private static final MutableClock CLOCK = new MutableClock(Fixtures.NOW);
  private static HikariDataSource pool;
  private static UseCases useCases;

  @BeforeAll
  static void start() {
    DatabaseUrl url = TestDatabase.createDatabase();
    pool =
        PostgresAdapter.pool(
            url.jdbcUrl() + "?socketFactory=" + CountingSocketFactory.class.getName(),
            url.user(),
            url.password(),
            1,
            2);
    new Migrations(pool).migrate();
    PostgresAdapter adapter = new PostgresAdapter(pool);
    useCases =
        UseCases.create(
            adapter.ports(UserDirectory.unchecked()),
            IdGenerator.random(),
            new CursorCodec(
                "a-statement-count-secret-of-32-bytes+".getBytes(StandardCharsets.UTF_8)),
            CLOCK);
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  /** What some work returned and how many statements it sent. */
  private record Measured<T>(T value, long statements) {}

  private static <T> Measured<T> measured(Supplier<T> work) {
    long before = CountingSocketFactory.statements();
    T value = work.get();
    return new Measured<>(value, CountingSocketFactory.statements() - before);
  }

  private static long counted(Supplier<?> work) {
    return measured(work).statements();
  }

  private static Negotiation started() {
    return useCases
        .startNegotiation()
        .start(ALICE, StartRequest.start().inviting(BOB, CAROL).build())
        .negotiation();
  }

  @Test
  void readingANegotiationStaysWithinItsStatements() {
    Negotiation n = started();
    NegotiationId id = n.id();
    counted(() -> useCases.getNegotiation().get(ALICE, id)); // warm the pool's connection
    long statements = counted(() -> useCases.getNegotiation().get(BOB, id));
    assertThat(statements).isLessThanOrEqualTo(GET_CEILING);
    assertThat(statements).as("the count is read off the wire").isPositive();
  }

  @Test
  void aSweepCostsTheSameStatementsWhateverItExpires() {
    long two = sweepOf(2);
    long six = sweepOf(6);

    assertThat(six).isEqualTo(two);
    assertThat(six).isLessThanOrEqualTo(SWEEP_CEILING);
  }

  /** Statements of a sweep expiring {@code due} negotiations started just before. */
  private static long sweepOf(int due) {
    try {
      for (int i = 0; i < due; i++) {
        useCases
            .startNegotiation()
            .start(ALICE, StartRequest.start().inviting(BOB, CAROL).expiresAt(inHours(1)).build());
      }
      CLOCK.set(inHours(2));
      Measured<Integer> sweep = measured(() -> useCases.expireDueNegotiations().sweep());
      assertThat(sweep.value()).isEqualTo(due);
      return sweep.statements();
    } finally {
      CLOCK.set(Fixtures.NOW);
    }
  }

  @Test
  void aReplyStaysWithinItsStatements() {
    Negotiation n = started();
    long statements =
        counted(
            () ->
                useCases
                    .replyToNegotiation()
                    .reply(
                        BOB,
                        new ReplyCommand(
                            n.id(), new Reply.Accept(null, null), null, null, null, null)));
    assertThat(statements).isLessThanOrEqualTo(REPLY_CEILING);
    assertThat(useCases.getNegotiation().get(ALICE, n.id()).state())
        .isEqualTo(NegotiationState.ACTIVE);
  }
}
