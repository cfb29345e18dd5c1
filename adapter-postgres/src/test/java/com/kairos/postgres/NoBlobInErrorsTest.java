package com.kairos.postgres;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.SECRET_MARKER;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.Fixtures.secretBlob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.kairos.domain.common.EventId;
import com.kairos.domain.event.CreateEventCommand;
import com.kairos.domain.event.Event;
import com.kairos.domain.testing.Fixtures;
import com.kairos.postgres.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A failing statement that carries a blob never repeats it in its exception chain. */
class NoBlobInErrorsTest {

  @Test
  void aDatabaseErrorDoesNotQuoteTheBlobItWasWriting() throws Exception {
    try (HikariDataSource db = TestDatabase.fresh(2)) {
      try (Connection c = db.getConnection();
          Statement s = c.createStatement()) {
        s.execute("ALTER TABLE events ADD CONSTRAINT refuse_everything CHECK (false)");
      }
      PostgresAdapter adapter = new PostgresAdapter(db);
      Event event =
          Event.manual(
              new CreateEventCommand(
                  new EventId(UUID.randomUUID()), inHours(3), null, null, null, secretBlob(), null),
              ALICE,
              NOW);

      Throwable failure =
          catchThrowable(
              () -> adapter.transactions().run(() -> adapter.events().insertAll(List.of(event))));

      assertThat(failure).isNotNull();
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString())
          .doesNotContain(Fixtures.base64(SECRET_MARKER))
          .doesNotContain(SECRET_MARKER);
    }
  }
}
