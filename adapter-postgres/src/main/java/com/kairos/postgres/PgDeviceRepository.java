package com.kairos.postgres;

import static com.kairos.postgres.PgCodes.code;
import static com.kairos.postgres.PgCodes.parse;

import com.kairos.application.port.DeviceRepository;
import com.kairos.domain.common.UserId;
import com.kairos.domain.device.Device;
import com.kairos.domain.device.InstallationId;
import com.kairos.domain.device.Platform;
import com.kairos.domain.device.PushToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Devices on PostgreSQL. The unique constraint on the token makes a token belong to one device; two
 * registrations of one token racing each other end in a unique violation, and the loser's
 * transaction reruns (and then moves the token to itself).
 */
final class PgDeviceRepository implements DeviceRepository {
  private static final String COLUMNS =
      "user_id, installation_id, push_token, platform, app_version, locale, created_at,"
          + " last_seen_at";

  private final CurrentHandle current;

  PgDeviceRepository(CurrentHandle current) {
    this.current = current;
  }

  @Override
  public Registered register(Device device) {
    Handle h = current.get();
    h.createUpdate(
            "DELETE FROM devices WHERE push_token = :token"
                + " AND (user_id <> :uid OR installation_id <> :iid)")
        .bind("token", device.pushToken().value())
        .bind("uid", device.owner().value())
        .bind("iid", device.installationId().value())
        .execute();
    Registered registered = upsert(h, device);
    if (registered.created()) {
      h.createUpdate(
              "DELETE FROM devices WHERE id IN (SELECT id FROM devices WHERE user_id = :uid"
                  + " ORDER BY last_seen_at DESC, id DESC OFFSET :max)")
          .bind("uid", device.owner().value())
          .bind("max", Device.MAX_PER_USER)
          .execute();
    }
    return registered;
  }

  private Registered upsert(Handle h, Device device) {
    Registered[] result = new Registered[1];
    Sql.insertOrConflict(
        () ->
            result[0] =
                h.createQuery(
                        "INSERT INTO devices ("
                            + COLUMNS
                            + ") VALUES (:uid, :iid, :token, :platform, :appVersion, :locale,"
                            + " :now, :now)"
                            + " ON CONFLICT ON CONSTRAINT devices_installation_once DO UPDATE SET"
                            + " push_token = EXCLUDED.push_token, platform = EXCLUDED.platform,"
                            + " app_version = EXCLUDED.app_version, locale = EXCLUDED.locale,"
                            + " last_seen_at = EXCLUDED.last_seen_at"
                            // xmax is 0 only on a row this statement inserted
                            + " RETURNING "
                            + COLUMNS
                            + ", (xmax = 0) AS inserted")
                    .bind("uid", device.owner().value())
                    .bind("iid", device.installationId().value())
                    .bind("token", device.pushToken().value())
                    .bind("platform", code(device.platform()))
                    .bind("appVersion", device.appVersion())
                    .bind("locale", device.locale())
                    .bind("now", Sql.ts(device.lastSeenAt()))
                    .map((rs, ctx) -> new Registered(device(rs), rs.getBoolean("inserted")))
                    .one(),
        "push token");
    return result[0];
  }

  @Override
  public List<Device> listFor(UserId owner) {
    return current
        .get()
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM devices WHERE user_id = :uid ORDER BY last_seen_at DESC, id DESC")
        .bind("uid", owner.value())
        .map((rs, ctx) -> device(rs))
        .list();
  }

  @Override
  public boolean remove(UserId owner, InstallationId installationId) {
    return current
            .get()
            .createUpdate("DELETE FROM devices WHERE user_id = :uid AND installation_id = :iid")
            .bind("uid", owner.value())
            .bind("iid", installationId.value())
            .execute()
        > 0;
  }

  @Override
  public int removeAllFor(UserId owner) {
    // Pushes waiting for these devices go with them (ON DELETE CASCADE).
    return current
        .get()
        .createUpdate("DELETE FROM devices WHERE user_id = :uid")
        .bind("uid", owner.value())
        .execute();
  }

  private static Device device(ResultSet rs) throws SQLException {
    return new Device(
        new UserId(rs.getString("user_id")),
        new InstallationId(Sql.uuid(rs, "installation_id")),
        new PushToken(rs.getString("push_token")),
        parse(Platform.class, rs.getString("platform"), "platform"),
        rs.getString("app_version"),
        rs.getString("locale"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "last_seen_at"));
  }
}
