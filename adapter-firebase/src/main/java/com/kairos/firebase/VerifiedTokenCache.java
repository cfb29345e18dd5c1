package com.kairos.firebase;

import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.VerifiedIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that verified, so that a client sending the same ID token for an hour pays the
 * RS256 verification once per {@code ttl} instead of on every request. Entries are keyed by the
 * token's SHA-256 (the token itself is never kept), expire at the earlier of the token's own {@code
 * exp} and {@code ttl}, and the cache is bounded. Failures are never cached. Not used when
 * revocation is checked, since that must be asked every time.
 */
public final class VerifiedTokenCache implements IdentityVerifier {
  private record Entry(VerifiedIdentity identity, Instant validUntil) {}

  private final IdentityVerifier delegate;
  private final Clock clock;
  private final Duration ttl;
  private final int maxEntries;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  public VerifiedTokenCache(IdentityVerifier delegate, Clock clock, Duration ttl, int maxEntries) {
    this.delegate = delegate;
    this.clock = clock;
    this.ttl = ttl;
    this.maxEntries = maxEntries;
  }

  @Override
  public VerifiedIdentity verify(String token) {
    String key = sha256(token);
    Instant now = clock.instant();
    Entry cached = entries.get(key);
    if (cached != null && now.isBefore(cached.validUntil())) {
      return cached.identity();
    }
    VerifiedIdentity identity = delegate.verify(token);
    Instant until = now.plus(ttl);
    if (identity.expiresAt() != null && identity.expiresAt().isBefore(until)) {
      until = identity.expiresAt();
    }
    if (entries.size() >= maxEntries) {
      entries.values().removeIf(e -> !now.isBefore(e.validUntil()));
      if (entries.size() >= maxEntries) {
        entries.clear(); // a flood of distinct tokens: start over rather than grow
      }
    }
    entries.put(key, new Entry(identity, until));
    return identity;
  }

  int size() {
    return entries.size();
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
