package com.kairos.firebase;

import com.kairos.application.port.IdentityVerifier;
import com.kairos.application.port.VerifiedIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that verified, so that a client sending the same ID token for an hour pays the
 * RS256 verification once per {@code ttl} instead of on every request. Entries are keyed by the
 * exact token text: a hit costs a hash of the string and one comparison, far less than hashing it
 * with SHA-256 on every request (which profiling showed), and only a token identical to one that
 * verified can hit. They expire at the earlier of the token's own {@code exp} and {@code ttl}, and
 * the cache is bounded (about 1 KB an entry). Failures are never cached. Not used when revocation
 * is checked, since that must be asked every time.
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
    Instant now = clock.instant();
    Entry cached = entries.get(token);
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
    entries.put(token, new Entry(identity, until));
    return identity;
  }

  int size() {
    return entries.size();
  }
}
