package com.kairos.postgres;

import static com.kairos.postgres.PgCodes.code;
import static com.kairos.postgres.PgCodes.parse;

import com.kairos.application.port.UserProfileRepository;
import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.ConcurrentModification;
import com.kairos.domain.common.UserId;
import com.kairos.domain.user.UserProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.Update;

/**
 * User profiles on PostgreSQL. Feature flags are a JSON object of booleans; PostgreSQL itself
 * builds and takes apart the jsonb, so this adapter needs no JSON library.
 */
public final class PgUserProfileRepository implements UserProfileRepository {
  private final CurrentHandle current;

  PgUserProfileRepository(CurrentHandle current) {
    this.current = current;
  }

  @Override
  public Optional<UserProfile> findByUid(UserId uid) {
    return current
        .get()
        .createQuery(
            "SELECT id, firebase_uid, display_name, locale, agent_mode_default, created_at,"
                + " updated_at, ARRAY(SELECT key FROM jsonb_each(feature_flags)"
                + " WHERE value = 'true'::jsonb ORDER BY key) AS flags_on,"
                + " ARRAY(SELECT key FROM jsonb_each(feature_flags)"
                + " WHERE value = 'false'::jsonb ORDER BY key) AS flags_off"
                + " FROM app_users WHERE firebase_uid = :uid")
        .bind("uid", uid.value())
        .map(
            (rs, ctx) -> {
              Map<String, Boolean> flags = new LinkedHashMap<>();
              for (String on : (String[]) rs.getArray("flags_on").getArray()) {
                flags.put(on, true);
              }
              for (String off : (String[]) rs.getArray("flags_off").getArray()) {
                flags.put(off, false);
              }
              return new UserProfile(
                  Sql.uuid(rs, "id"),
                  new UserId(rs.getString("firebase_uid")),
                  rs.getString("display_name"),
                  rs.getString("locale"),
                  flags,
                  parse(AgentMode.class, rs.getString("agent_mode_default"), "agent_mode_default"),
                  Sql.instant(rs, "created_at"),
                  Sql.instant(rs, "updated_at"));
            })
        .findOne();
  }

  @Override
  public void insert(UserProfile profile) {
    Sql.insertOrConflict(
        () ->
            bind(
                    current
                        .get()
                        .createUpdate(
                            "INSERT INTO app_users (id, firebase_uid, display_name, locale,"
                                + " feature_flags, agent_mode_default, created_at, updated_at)"
                                + " VALUES (:id, :uid, :displayName, :locale, "
                                + FLAGS
                                + ","
                                + " :agentMode, :createdAt, :updatedAt)"),
                    profile)
                .execute(),
        "profile");
  }

  @Override
  public void update(UserProfile profile) {
    int changed =
        bind(
                current
                    .get()
                    .createUpdate(
                        "UPDATE app_users SET display_name = :displayName, locale = :locale,"
                            + " feature_flags = "
                            + FLAGS
                            + ", agent_mode_default = :agentMode,"
                            + " updated_at = :updatedAt WHERE firebase_uid = :uid AND id = :id"),
                profile)
            .execute();
    if (changed != 1) {
      throw new ConcurrentModification("profile vanished");
    }
  }

  @Override
  public boolean delete(UserId uid) {
    return current
            .get()
            .createUpdate("DELETE FROM app_users WHERE firebase_uid = :uid")
            .bind("uid", uid.value())
            .execute()
        > 0;
  }

  private static final String FLAGS =
      "(SELECT COALESCE(jsonb_object_agg(k, v), '{}'::jsonb)"
          + " FROM unnest(CAST(:flagKeys AS text[]), CAST(:flagValues AS boolean[])) AS f(k, v))";

  private static Update bind(Update update, UserProfile p) {
    String[] keys = p.featureFlags().keySet().toArray(new String[0]);
    Boolean[] values = new Boolean[keys.length];
    for (int i = 0; i < keys.length; i++) {
      values[i] = p.featureFlags().get(keys[i]);
    }
    return update
        .bind("id", p.id())
        .bind("uid", p.userId().value())
        .bind("displayName", p.displayName())
        .bind("locale", p.locale())
        .bind("flagKeys", keys)
        .bind("flagValues", values)
        .bind("agentMode", code(p.agentModeDefault()))
        .bind("createdAt", Sql.ts(p.createdAt()))
        .bind("updatedAt", Sql.ts(p.updatedAt()));
  }
}
