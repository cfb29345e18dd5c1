package com.kairos.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.kairos.firebase.testing.TestTokens;
import com.kairos.postgres.DatabaseUrl;
import com.kairos.postgres.testing.TestDatabase;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The export of a user with 10,000 negotiations streams within a small fixed heap: the whole server
 * runs in this JVM, started with {@code -Xmx96m} by its own surefire execution (see
 * bootstrap/pom.xml), and the document it sends is far larger than that heap. The client reads the
 * body as a stream and counts the items without holding it.
 */
class ExportMemoryTest {
  private static final String PROJECT = "kairos-export-it";
  private static final TestTokens TOKENS = new TestTokens(PROJECT);
  private static final String USER = "exp-alice";
  private static final int NEGOTIATIONS = 10_000;
  private static final long HEAP_LIMIT = 128L * 1024 * 1024;
  private static DatabaseUrl db;
  private static KairosServer server;

  @BeforeAll
  static void start() throws SQLException {
    assumeTrue(
        Runtime.getRuntime().maxMemory() <= HEAP_LIMIT,
        "meaningful only in a small heap: run by bootstrap's export-memory execution");
    db = TestDatabase.createDatabase();
    Map<String, String> env = TestServerEnv.staging(db, PROJECT);
    server = KairosServer.start(KairosConfig.from(env), Clock.systemUTC());
    bulkInsert();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  /**
   * 10,000 active negotiations of {@code exp-alice} with {@code exp-bob}, each with one slot, one
   * start line and a 16,000-character blob (12,000 bytes): some 170 MB of JSON in all.
   */
  private static void bulkInsert() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE gen AS SELECT i, gen_random_uuid() AS nid, gen_random_uuid() AS sid,"
              + " date_trunc('milliseconds', now()) AS at FROM generate_series(1, "
              + NEGOTIATIONS
              + ") AS i");
      s.execute(
          "INSERT INTO negotiations (id, owner_id, state, intent_category, agent_mode,"
              + " agent_round, version, participant_count, accepted_count, encrypted_payload,"
              + " encrypted_blob_version, last_actor_id, last_action, created_at, updated_at,"
              + " expires_at, activated_at)"
              + " SELECT nid, '"
              + USER
              + "', 'active', 'dinner', 'manual', 0, 1, 2, 1,"
              + " replace(encode(convert_to(repeat(md5(i::text), 375), 'UTF8'), 'base64'),"
              + " E'\\n', ''), 1, '"
              + USER
              + "', 'start', at, at, at + interval '30 days', at FROM gen");
      s.execute(
          "INSERT INTO participants (negotiation_id, user_id, position, role, status,"
              + " accepted_slot_ids, responded_at, negotiation_updated_at, visible)"
              + " SELECT nid, '"
              + USER
              + "', 0, 'organizer', 'accepted', ARRAY[sid], at, at, true FROM gen"
              + " UNION ALL SELECT nid, 'exp-bob', 1, 'invitee', 'pending', '{}', NULL, at, true"
              + " FROM gen");
      s.execute(
          "INSERT INTO proposed_slots (negotiation_id, id, starts_at, ends_at, timezone,"
              + " proposed_by, round, position) SELECT nid, sid, at + interval '10 days',"
              + " at + interval '10 days 1 hour', 'UTC', '"
              + USER
              + "', 0, 0 FROM gen");
      s.execute(
          "INSERT INTO negotiation_activity (negotiation_id, actor_id, action, to_state, version,"
              + " at, added_slot_ids) SELECT nid, '"
              + USER
              + "', 'start', 'active', 1, at, ARRAY[sid] FROM gen");
    }
  }

  private static String storedPayload(String id) throws SQLException {
    try (Connection c = connect();
        PreparedStatement p =
            c.prepareStatement("SELECT encrypted_payload FROM negotiations WHERE id = ?::uuid")) {
      p.setString(1, id);
      try (ResultSet r = p.executeQuery()) {
        assertThat(r.next()).isTrue();
        return r.getString(1);
      }
    }
  }

  /** Counts what passes through. */
  private static final class Counting extends FilterInputStream {
    long bytes;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      bytes += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      bytes += Math.max(n, 0);
      return n;
    }
  }

  @Test
  void tenThousandNegotiationsStreamWithinASmallHeap() throws Exception {
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/me/export"))
                    .header("Authorization", "Bearer " + TOKENS.sign(USER, "Alice"))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .matches("attachment; filename=\"kairos-export-\\d{4}-\\d{2}-\\d{2}\\.json\"");

    Map<String, Integer> counts = new HashMap<>();
    String firstId = null;
    String firstPayload = null;
    String lastId = null;
    String lastPayload = null;
    String previousId = null;
    boolean ordered = true;
    Counting body = new Counting(response.body());
    try (JsonParser p = new JsonFactory().createParser(body)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String section = p.currentName();
        JsonToken value = p.nextToken();
        if (value != JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        int items = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
          items++;
          if (!section.equals("negotiations")) {
            p.skipChildren();
            continue;
          }
          String id = null;
          String payload = null;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("id")) {
              id = p.getText();
            } else if (field.equals("encrypted_payload")) {
              payload = p.getText();
            } else {
              p.skipChildren();
            }
          }
          assertThat(payload).hasSize(16_000);
          if (previousId != null
              && com.kairos.domain.common.Uuids.compareUnsigned(
                      java.util.UUID.fromString(previousId), java.util.UUID.fromString(id))
                  >= 0) {
            ordered = false;
          }
          previousId = id;
          if (firstId == null) {
            firstId = id;
            firstPayload = payload;
          }
          lastId = id;
          lastPayload = payload;
        }
        counts.put(section, items);
      }
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(p.nextToken()).as("nothing after the document").isNull();
    }

    assertThat(counts)
        .containsEntry("devices", 0)
        .containsEntry("negotiations", NEGOTIATIONS)
        .containsEntry("events", 0)
        .containsEntry("activity", NEGOTIATIONS);
    assertThat(ordered).as("negotiations by id").isTrue();
    assertThat(firstPayload).isEqualTo(storedPayload(firstId));
    assertThat(lastPayload).isEqualTo(storedPayload(lastId));
    assertThat(body.bytes)
        .as("the document is larger than the heap it was streamed through")
        .isGreaterThan(Runtime.getRuntime().maxMemory());
  }
}
