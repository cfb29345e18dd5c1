package com.kairos.postgres;

import com.kairos.application.port.RateLimiter;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Token buckets kept in PostgreSQL (Bucket4j, one row per bucket, updated under SELECT … FOR
 * UPDATE), so that every server instance on the database shares one limit. Rows of buckets that
 * have refilled completely expire and can be purged with {@link #purgeExpired()}.
 */
public final class PgRateLimiter implements RateLimiter {
  private final ProxyManager<String> buckets;
  private final DataSource dataSource;

  public PgRateLimiter(DataSource dataSource) {
    this.dataSource = dataSource;
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .build();
  }

  @Override
  public Verdict tryAcquire(String key, Limit limit) {
    ConsumptionProbe probe;
    try {
      probe =
          buckets
              .builder()
              .build(key + "#" + limit.name(), () -> configuration(limit))
              .tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      throw DatabaseFailures.translate(e);
    }
    return probe.isConsumed()
        ? Verdict.GRANTED
        : Verdict.retryAfterNanos(probe.getNanosToWaitForRefill());
  }

  /** Only asked for when the bucket's row does not exist yet. */
  private static BucketConfiguration configuration(Limit limit) {
    return BucketConfiguration.builder()
        .addLimit(
            l -> l.capacity(limit.burst()).refillGreedy(limit.perMinute(), Duration.ofMinutes(1)))
        .build();
  }

  /** Deletes buckets whose rows have expired; returns how many. */
  public int purgeExpired() {
    try (var c = dataSource.getConnection();
        var s = c.prepareStatement("DELETE FROM rate_limit_buckets WHERE expires_at < ?")) {
      s.setLong(1, System.currentTimeMillis());
      return s.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not purge expired rate-limit buckets", e);
    }
  }
}
