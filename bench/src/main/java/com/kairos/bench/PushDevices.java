package com.kairos.bench;

import com.kairos.postgres.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The push run's devices ({@link PushBench}), inserted with SQL after the seed. */
final class PushDevices {
  private PushDevices() {}

  /**
   * One device per user the scenarios involve: the start scenario's owners and invitees and the
   * reply scenario's groups (Bench.seed). Tokens look like FCM registration tokens (~160 characters
   * of {@code [A-Za-z0-9:_-]}), unique per user.
   */
  static int insert(DatabaseUrl db, int clients) throws SQLException {
    try (Connection c = Bench.connect(db);
        Statement s = c.createStatement()) {
      int n =
          s.executeUpdate(
              "INSERT INTO devices (user_id, installation_id, push_token, platform, created_at,"
                  + " last_seen_at)"
                  + " SELECT u, gen_random_uuid(),"
                  + " substr(md5(u), 1, 22) || ':APA91b' || md5(u || 'a') || md5(u || 'b')"
                  + " || md5(u || 'c') || md5(u || 'd'),"
                  + " CASE WHEN row_number() OVER () % 2 = 0 THEN 'android' ELSE 'ios' END,"
                  + " now(), now()"
                  + " FROM (SELECT 'bench-friend-' || i AS u FROM generate_series(0, 1999) i"
                  + " UNION ALL SELECT 'bench-owner-' || i FROM generate_series(0, 99) i"
                  + " UNION ALL SELECT 'bench-g"
                  + clients
                  + "-' || k || '-' || p FROM generate_series(0, 127) k, generate_series(0, 9) p"
                  + ") users");
      s.execute("ANALYZE devices");
      return n;
    }
  }
}
