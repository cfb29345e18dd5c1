package com.kairos.firebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.port.AuthenticationFailed;
import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.domain.common.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private final AtomicInteger verifications = new AtomicInteger();
  private Instant now = NOW;
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now;
        }

        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };
  private final IdentityVerifier counting =
      token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
          throw new AuthenticationFailed(AuthenticationFailed.Reason.INVALID_TOKEN, "bad");
        }
        return new VerifiedIdentity(new UserId(token), null, NOW.plus(Duration.ofMinutes(30)));
      };
  private final VerifiedTokenCache cache =
      new VerifiedTokenCache(counting, clock, Duration.ofMinutes(10), 3);

  @Test
  void aVerifiedTokenIsNotVerifiedAgainUntilItsEntryExpires() {
    assertThat(cache.verify("alice").userId().value()).isEqualTo("alice");
    assertThat(cache.verify("alice").userId().value()).isEqualTo("alice");
    assertThat(verifications).hasValue(1);
    now = NOW.plus(Duration.ofMinutes(10));
    cache.verify("alice");
    assertThat(verifications).hasValue(2);
  }

  @Test
  void anEntryNeverOutlivesItsToken() {
    VerifiedTokenCache longLived = new VerifiedTokenCache(counting, clock, Duration.ofHours(2), 10);
    longLived.verify("alice");
    now = NOW.plus(Duration.ofMinutes(30));
    longLived.verify("alice");
    assertThat(verifications).hasValue(2);
  }

  @Test
  void failuresAreNeverCached() {
    assertThatThrownBy(() -> cache.verify("bad-1")).isInstanceOf(AuthenticationFailed.class);
    assertThatThrownBy(() -> cache.verify("bad-1")).isInstanceOf(AuthenticationFailed.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void theCacheStaysBounded() {
    for (int i = 0; i < 10; i++) {
      cache.verify("user-" + i);
    }
    assertThat(cache.size()).isLessThanOrEqualTo(3);
  }
}
