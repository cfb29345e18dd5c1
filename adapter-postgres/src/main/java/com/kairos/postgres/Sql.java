package com.kairos.postgres;

import com.kairos.domain.common.ConcurrentModification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.JdbiException;

/** Small conversions between Java values and PostgreSQL columns, in one place. */
final class Sql {
  private Sql() {}

  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((UUID[]) array.getArray());
  }

  static <T> UUID[] uuidArray(Collection<T> items, Function<T, UUID> id) {
    List<UUID> result = new ArrayList<>(items.size());
    items.forEach(i -> result.add(id.apply(i)));
    return result.toArray(new UUID[0]);
  }

  static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  /** Runs an insert; a unique violation means another transaction won the race. */
  static void insertOrConflict(Runnable insert, String what) {
    try {
      insert.run();
    } catch (JdbiException e) {
      if ("23505".equals(JdbiTransactions.SqlStates.of(e))) {
        throw new ConcurrentModification(what + " already stored");
      }
      throw e;
    }
  }
}
